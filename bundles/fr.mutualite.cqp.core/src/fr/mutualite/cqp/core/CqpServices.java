package fr.mutualite.cqp.core;

import java.util.concurrent.TimeUnit;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import fr.mutualite.cqp.core.internal.Messages;

/** The product's OSGi services (the store factory, the report service...), for the commands and the application. */
public final class CqpServices {

	private static final long WAIT_MS = TimeUnit.SECONDS.toMillis(30);

	private CqpServices() {
	}

	/** The service of type {@code type}, waiting for it to be registered. */
	public static <T> T get(Class<T> type) throws CqpException {
		Bundle bundle = FrameworkUtil.getBundle(CqpServices.class);
		ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle.getBundleContext(), type, null);
		tracker.open();
		try {
			T service = tracker.waitForService(WAIT_MS);
			if (service == null) {
				throw new CqpException(NLS.bind(Messages.Services_missing, type.getSimpleName()));
			}
			return service;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CqpException(NLS.bind(Messages.Services_missing, type.getSimpleName()), e);
		}
	}
}
