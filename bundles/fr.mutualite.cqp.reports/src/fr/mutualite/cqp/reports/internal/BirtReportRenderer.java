package fr.mutualite.cqp.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.eclipse.birt.core.exception.BirtException;
import org.eclipse.birt.core.framework.Platform;
import org.eclipse.birt.report.engine.api.EngineConfig;
import org.eclipse.birt.report.engine.api.EngineException;
import org.eclipse.birt.report.engine.api.HTMLRenderOption;
import org.eclipse.birt.report.engine.api.IRenderOption;
import org.eclipse.birt.report.engine.api.IReportEngine;
import org.eclipse.birt.report.engine.api.IReportEngineFactory;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.engine.api.IRunAndRenderTask;
import org.eclipse.birt.report.engine.api.PDFRenderOption;
import org.eclipse.birt.report.engine.api.RenderOption;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.DataStore;
import fr.mutualite.cqp.core.ReportFormat;
import fr.mutualite.cqp.core.ReportRenderer;

/**
 * Renders BIRT designs inside OSGi. The engine starts on first use and is shared by all
 * renderings; each rendering gets the store's JDBC connection through the application context,
 * so that no design carries a database address.
 */
@Component(service = ReportRenderer.class)
public final class BirtReportRenderer implements ReportRenderer {

	/** Application-context key of BIRT's JDBC driver for a connection handed in by the caller. */
	private static final String PASS_IN_CONNECTION = "OdaJDBCDriverPassInConnection"; //$NON-NLS-1$
	private static final String CLOSE_AFTER_USE = "OdaJDBCDriverPassInConnectionCloseAfterUse"; //$NON-NLS-1$

	private IReportEngine engine;

	@Override
	public void render(URL design, DataStore store, ReportFormat format, Map<String, Object> parameters,
			Path output) throws CqpException {
		IReportEngine reportEngine = engine();
		IReportRunnable runnable = open(reportEngine, design);
		Path absolute = output.toAbsolutePath();
		Path partial = null;
		try (Connection connection = store.connect()) {
			Files.createDirectories(absolute.getParent());
			partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part"); //$NON-NLS-1$ //$NON-NLS-2$
			try (OutputStream out = Files.newOutputStream(partial)) {
				run(reportEngine, runnable, connection, format, parameters, out);
			}
			Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			partial = null;
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Render_cannotWrite, absolute, e.getMessage()), e);
		} catch (SQLException e) {
			throw new CqpException(NLS.bind(Messages.Render_database, store.location(), e.getMessage()), e);
		} finally {
			if (partial != null) {
				try {
					Files.deleteIfExists(partial);
				} catch (IOException e) {
					// The failure being reported matters more than a leftover temporary file.
				}
			}
		}
	}

	private static void run(IReportEngine reportEngine, IReportRunnable runnable, Connection connection,
			ReportFormat format, Map<String, Object> parameters, OutputStream out) throws CqpException {
		IRunAndRenderTask task = reportEngine.createRunAndRenderTask(runnable);
		try {
			Map<String, Object> appContext = new HashMap<>();
			appContext.put(PASS_IN_CONNECTION, connection);
			appContext.put(CLOSE_AFTER_USE, Boolean.FALSE);
			task.setAppContext(appContext);
			task.setParameterValues(parameters);
			if (!task.validateParameters()) {
				throw new CqpException(NLS.bind(Messages.Render_badParameters, name(runnable)));
			}
			task.setRenderOption(renderOption(format, out));
			task.run();
			List<?> errors = task.getErrors();
			if (!errors.isEmpty()) {
				Throwable first = (Throwable) errors.get(0);
				throw new CqpException(NLS.bind(Messages.Render_failed, name(runnable), first.getMessage()), first);
			}
		} catch (EngineException e) {
			throw new CqpException(NLS.bind(Messages.Render_failed, name(runnable), e.getMessage()), e);
		} finally {
			task.close();
		}
	}

	private static IRenderOption renderOption(ReportFormat format, OutputStream out) {
		RenderOption option = switch (format) {
		case PDF -> new PDFRenderOption();
		case HTML -> {
			HTMLRenderOption html = new HTMLRenderOption();
			html.setEmbeddable(false);
			html.setImageHandler(new DataUriImageHandler());
			html.setSupportedImageFormats("PNG;GIF;JPG;BMP"); //$NON-NLS-1$
			yield html;
		}
		case XLSX -> new RenderOption();
		};
		option.setOutputFormat(format.extension());
		option.setOutputStream(out);
		return option;
	}

	private static IReportRunnable open(IReportEngine reportEngine, URL design) throws CqpException {
		try (InputStream in = design.openStream()) {
			return reportEngine.openReportDesign(design.toExternalForm(), in);
		} catch (IOException e) {
			throw new CqpException(NLS.bind(Messages.Render_designMissing, design), e);
		} catch (EngineException e) {
			throw new CqpException(NLS.bind(Messages.Render_designInvalid, design, e.getMessage()), e);
		}
	}

	private static String name(IReportRunnable runnable) {
		return runnable.getReportName();
	}

	private synchronized IReportEngine engine() throws CqpException {
		if (engine == null) {
			EngineConfig config = new EngineConfig();
			config.setLogConfig(null, Level.WARNING);
			try {
				Platform.startup(config);
			} catch (BirtException e) {
				throw new CqpException(NLS.bind(Messages.Engine_cannotStart, e.getMessage()), e);
			}
			IReportEngineFactory factory = (IReportEngineFactory) Platform
					.createFactoryObject(IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY);
			if (factory == null) {
				throw new CqpException(NLS.bind(Messages.Engine_cannotStart, IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY));
			}
			engine = factory.createReportEngine(config);
		}
		return engine;
	}

	@Deactivate
	synchronized void deactivate() {
		if (engine != null) {
			engine.destroy();
			engine = null;
		}
	}
}
