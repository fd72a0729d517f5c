package fr.mutualite.cqp.core.validation;

import java.net.URL;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.eclipse.emf.common.util.ResourceLocator;
import org.eclipse.emf.ecore.plugin.EcorePlugin;

/**
 * The wording of EMF's own checks (a required value missing, an element not found...) in the
 * user's language; EMF itself speaks English only. Keys not translated fall back to EMF's.
 */
final class EcoreMessages implements ResourceLocator {

	static final EcoreMessages INSTANCE = new EcoreMessages();

	private final ResourceBundle bundle = ResourceBundle.getBundle("fr.mutualite.cqp.core.validation.ecore", //$NON-NLS-1$
			Locale.getDefault(), EcoreMessages.class.getClassLoader());

	private EcoreMessages() {
	}

	@Override
	public URL getBaseURL() {
		return EcorePlugin.INSTANCE.getBaseURL();
	}

	@Override
	public Object getImage(String key) {
		return EcorePlugin.INSTANCE.getImage(key);
	}

	@Override
	public String getString(String key) {
		try {
			return bundle.getString(key);
		} catch (MissingResourceException e) {
			return EcorePlugin.INSTANCE.getString(key);
		}
	}

	@Override
	public String getString(String key, boolean translate) {
		return getString(key);
	}

	@Override
	public String getString(String key, Object[] substitutions) {
		return MessageFormat.format(getString(key), substitutions);
	}

	@Override
	public String getString(String key, Object[] substitutions, boolean translate) {
		return getString(key, substitutions);
	}
}
