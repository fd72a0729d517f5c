package fr.mutualite.cqp.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The most heap used since a start, as the benchmarks print it: the sum of the peaks of the
 * Java heap's pools (an upper bound of the true peak, garbage not yet collected included).
 */
public final class HeapPeak {

	private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP).toList();

	private HeapPeak() {
		pools.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** Starts measuring from now. */
	public static HeapPeak start() {
		return new HeapPeak();
	}

	/** The peak since the start, in MiB. */
	public double mebibytes() {
		return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
	}

	/** The most heap the Java runtime may use, in MiB. */
	public static double maximum() {
		return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
	}
}
