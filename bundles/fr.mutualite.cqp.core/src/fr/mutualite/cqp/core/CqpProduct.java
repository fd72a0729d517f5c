package fr.mutualite.cqp.core;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

import fr.mutualite.cqp.core.internal.Messages;

/** The product's identity: its name and the version of the build that is running. */
public final class CqpProduct {

	private CqpProduct() {
	}

	/** The product's name as users see it ("CQP Mutualité"). */
	public static String name() {
		return Messages.Product_name;
	}

	/** The running build's version, e.g. {@code 0.1.0.202611281042}. */
	public static Version version() {
		Bundle bundle = FrameworkUtil.getBundle(CqpProduct.class);
		return bundle == null ? Version.emptyVersion : bundle.getVersion();
	}

	/** One line naming the product, its release and its build, as printed by {@code cqp --version}. */
	public static String versionLine() {
		Version v = version();
		String release = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
		return v.getQualifier().isEmpty() ? name() + " " + release
				: Messages.bind(Messages.Product_versionLine, new Object[] { name(), release, v.getQualifier() });
	}
}
