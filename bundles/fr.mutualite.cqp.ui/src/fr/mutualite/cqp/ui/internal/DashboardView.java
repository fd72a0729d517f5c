package fr.mutualite.cqp.ui.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import fr.mutualite.cqp.core.CqpException;
import fr.mutualite.cqp.core.dossier.CurrentDatabase;
import fr.mutualite.cqp.core.report.Dashboard;
import fr.mutualite.cqp.core.report.Dashboard.Figure;
import fr.mutualite.cqp.core.report.Dashboard.Kind;
import fr.mutualite.cqp.core.report.ReportService;
import fr.mutualite.cqp.ui.PasswordPrompt;

/**
 * The observatory's dashboard, at the top of the Statistiques perspective: the key figures of a
 * year, each with its last years as a small bar chart, its change against the year before, and a
 * link that opens its full report in the statistics view with the same filters. The figures come
 * from the report service (the reports' own queries), computed in a background job.
 */
public final class DashboardView extends ViewPart {

	public static final String ID = "fr.mutualite.cqp.ui.dashboard"; //$NON-NLS-1$
	/** Years offered, the current one first. */
	private static final int YEARS_OFFERED = 10;
	/** Height of a card's chart, in pixels. */
	private static final int CHART_HEIGHT = 48;
	/** Width below which the view scrolls sideways: five cards of about 160 pixels. */
	private static final int MINIMUM_WIDTH = 800;

	private Display display;
	private ScrolledContent scrolled;
	private Combo year;
	private Label status;
	private final Map<Kind, Card> cards = new EnumMap<>(Kind.class);
	private List<Figure> figures = List.of();
	private ReportService service;
	private CurrentDatabase database;
	private LocalResourceManager resources;
	private LocalDate today;

	/** The widgets of one figure. */
	private record Card(Label value, Label change, Canvas chart, Link open) {
	}

	@Override
	public void createPartControl(Composite parent) {
		display = parent.getDisplay();
		today = LocalDate.now();
		resources = new LocalResourceManager(JFaceResources.getResources(), parent);
		Font bold = resources.create(FontDescriptor.createFrom(JFaceResources.getDialogFont()).setStyle(SWT.BOLD));
		Font big = resources.create(FontDescriptor.createFrom(JFaceResources.getDialogFont()).setStyle(SWT.BOLD)
				.increaseHeight(8));
		// the cards keep their charts legible in a low view: the content scrolls instead of
		// squeezing them (long titles and changes wrap on two lines in narrow cards)
		parent.setLayout(new FillLayout());
		scrolled = new ScrolledContent(parent, MINIMUM_WIDTH);
		Composite content = scrolled.content();
		GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(content);
		Composite top = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		new Label(top, SWT.NONE).setText(Messages.Dashboard_year);
		year = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
		for (int i = 0; i < YEARS_OFFERED; i++) {
			year.add(Integer.toString(today.getYear() - i));
		}
		year.select(0);
		year.addListener(SWT.Selection, e -> refresh());
		status = new Label(top, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

		Composite row = new Composite(content, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(Kind.values().length).equalWidth(true).spacing(8, 8).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(row);
		for (Kind kind : Kind.values()) {
			Composite card = new Composite(row, SWT.BORDER);
			GridLayoutFactory.swtDefaults().applyTo(card);
			GridDataFactory.fillDefaults().grab(true, true).applyTo(card);
			Label title = new Label(card, SWT.WRAP);
			title.setText(title(kind));
			title.setFont(bold);
			GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(title);
			Label value = new Label(card, SWT.NONE);
			value.setFont(big);
			value.setText("\u2014"); //$NON-NLS-1$
			GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
			Label change = new Label(card, SWT.WRAP);
			GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(change);
			Canvas chart = new Canvas(card, SWT.DOUBLE_BUFFERED);
			GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, CHART_HEIGHT).minSize(SWT.DEFAULT, CHART_HEIGHT)
					.applyTo(chart);
			chart.addPaintListener(e -> paint(kind, e.gc, chart.getClientArea()));
			Link open = new Link(card, SWT.NONE);
			open.setText(Messages.Dashboard_open);
			open.setEnabled(false);
			open.addListener(SWT.Selection, e -> open(kind));
			cards.put(kind, new Card(value, change, chart, open));
		}
		service = getSite().getService(ReportService.class);
		database = getSite().getService(CurrentDatabase.class);
		refresh();
	}

	private static String title(Kind kind) {
		return switch (kind) {
		case REGISTRATIONS -> Messages.Dashboard_registrations;
		case DECISIONS -> Messages.Dashboard_decisions;
		case FULL_AWARD_RATE -> Messages.Dashboard_fullAwardRate;
		case NEAR_LIMIT -> Messages.Dashboard_nearLimit;
		case EXPIRING -> Messages.Dashboard_expiring;
		};
	}

	/** Computes the figures of the chosen year in the background. */
	public void refresh() {
		int chosen = Integer.parseInt(year.getText());
		status.setForeground(null);
		status.setText(NLS.bind(Messages.Dashboard_loading, Integer.toString(chosen)));
		cards.values().forEach(c -> c.open().setEnabled(false));
		Job job = new Job(NLS.bind(Messages.Dashboard_loading, Integer.toString(chosen))) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					if (service == null || database == null) {
						throw new CqpException(Messages.Statistics_noService);
					}
					List<Figure> computed = Dashboard.figures(service,
							database.store(new PasswordPrompt(getSite().getShell())).data(), chosen, today);
					ui(() -> {
						if (!year.getText().equals(Integer.toString(chosen))) {
							return; // another year was chosen meanwhile
						}
						show(computed);
						// the year in progress counts up to today (compared with the year before up to the same day)
						status.setText(chosen < today.getYear() ? NLS.bind(Messages.Dashboard_loaded, Integer.toString(chosen))
								: NLS.bind(Messages.Dashboard_loadedToDate, Integer.toString(chosen), day(today)));
						scrolled.fit();
					});
				} catch (CqpException e) {
					Platform.getLog(getClass()).log(Status.warning(e.getMessage(), e));
					ui(() -> {
						status.setForeground(display.getSystemColor(SWT.COLOR_DARK_RED));
						status.setText(NLS.bind(Messages.Dashboard_failed, e.getMessage()));
						scrolled.fit();
					});
				}
				return Status.OK_STATUS;
			}
		};
		ViewJobs.schedule(getSite(), job);
	}

	private void show(List<Figure> computed) {
		figures = computed;
		for (Figure f : computed) {
			Card card = cards.get(f.kind());
			card.value().setText(value(f.kind(), f.value()));
			card.change().setText(change(f));
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < f.periods().size(); i++) {
				lines.add(NLS.bind(Messages.Dashboard_point, period(f.periods().get(i)), value(f.kind(), f.values().get(i))));
			}
			card.chart().setToolTipText(String.join("\n", lines)); //$NON-NLS-1$
			card.chart().redraw();
			card.open().setEnabled(true);
		}
	}

	/** The figure as the card shows it: a count, or a rate in percent. */
	private static String value(Kind kind, Double value) {
		if (value == null) {
			return "\u2014"; //$NON-NLS-1$
		}
		if (kind == Kind.FULL_AWARD_RATE) {
			NumberFormat f = NumberFormat.getNumberInstance();
			f.setMinimumFractionDigits(1);
			f.setMaximumFractionDigits(1);
			return NLS.bind(Messages.Dashboard_percent, f.format(value));
		}
		return NumberFormat.getIntegerInstance().format(Math.round(value));
	}

	/** The change against the figure compared with: in points for a rate, in number and percent for a count. */
	private static String change(Figure f) {
		String with = compared(f);
		if (f.value() == null || f.compared() == null) {
			return NLS.bind(Messages.Dashboard_noComparison, with);
		}
		double delta = f.value() - f.compared();
		NumberFormat signed = NumberFormat.getNumberInstance();
		signed.setMaximumFractionDigits(1);
		signed.setMinimumFractionDigits(f.kind() == Kind.FULL_AWARD_RATE ? 1 : 0);
		String sign = delta > 0 ? "+" : delta < 0 ? "\u2212" : "\u00b1"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		String amount = sign + signed.format(Math.abs(delta));
		String before = NLS.bind(ofADay(f) ? Messages.Dashboard_versusDay : Messages.Dashboard_versusYear, with);
		if (f.kind() == Kind.FULL_AWARD_RATE) {
			return NLS.bind(Messages.Dashboard_changePoints, amount, before);
		}
		if (f.compared() == 0) {
			return NLS.bind(Messages.Dashboard_change, amount, before);
		}
		NumberFormat percent = NumberFormat.getNumberInstance();
		percent.setMaximumFractionDigits(1);
		percent.setMinimumFractionDigits(1);
		String relative = sign + percent.format(Math.abs(100 * delta / f.compared()));
		return NLS.bind(Messages.Dashboard_changePercent, new Object[] { amount, relative, before });
	}

	/**
	 * What a figure is compared with: a year, a day for a count of a day, the year before up to
	 * the same day for a figure of the year in progress.
	 */
	private static String compared(Figure f) {
		String with = f.comparedWith();
		return with.length() == 4 || ofADay(f) ? period(with) : NLS.bind(Messages.Dashboard_sameDay, with.substring(0, 4));
	}

	/** Whether the figure is a count of a day (compared with that day a year before). */
	private static boolean ofADay(Figure f) {
		return f.kind() == Kind.NEAR_LIMIT || f.kind() == Kind.EXPIRING;
	}

	/** A year as it is, a day in the user's way of writing days. */
	private static String period(String period) {
		return period.length() == 4 ? period : day(LocalDate.parse(period));
	}

	private static String day(LocalDate day) {
		return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT));
	}

	/** The small chart of a figure: one bar per period, the chosen one darker. */
	private void paint(Kind kind, GC gc, Rectangle area) {
		Figure f = figures.stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
		if (f == null || area.width <= 0 || area.height <= 0) {
			return;
		}
		double max = f.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		int n = f.values().size();
		int slot = area.width / n;
		Color light = display.getSystemColor(SWT.COLOR_GRAY), dark = display.getSystemColor(SWT.COLOR_DARK_BLUE);
		for (int i = 0; i < n; i++) {
			Double v = f.values().get(i);
			if (v == null || max <= 0) {
				continue;
			}
			int h = (int) Math.max(1, Math.round((area.height - 2) * v / max));
			gc.setBackground(i == n - 1 ? dark : light);
			gc.fillRectangle(area.x + i * slot + 2, area.y + area.height - h, Math.max(1, slot - 4), h);
		}
	}

	/** Opens the full report of a figure in the statistics view, with the same filters, and runs it. */
	private void open(Kind kind) {
		Figure f = figures.stream().filter(x -> x.kind() == kind).findFirst().orElse(null);
		if (f == null) {
			return;
		}
		try {
			StatisticsView view = (StatisticsView) getSite().getPage().showView(StatisticsView.ID);
			view.open(f.report(), f.filters());
		} catch (PartInitException e) {
			Platform.getLog(getClass()).log(Status.error(e.getMessage(), e));
			status.setText(NLS.bind(Messages.Dashboard_failed, e.getMessage()));
			scrolled.fit();
		}
	}

	private void ui(Runnable r) {
		ViewJobs.ui(display, year, r);
	}

	/** The figures shown, for tests. */
	public List<Figure> getFigures() {
		return figures;
	}

	/** What a card says: its value, its change, and its chart's points, one per line, for tests. */
	public String getCard(Kind kind) {
		Card c = cards.get(kind);
		return c.value().getText() + '\n' + c.change().getText() + '\n' + c.chart().getToolTipText();
	}

	/** The chart of a figure, for tests. */
	public Canvas getChart(Kind kind) {
		return cards.get(kind).chart();
	}

	/** The link that opens the report of a figure, for tests. */
	public Link getLink(Kind kind) {
		return cards.get(kind).open();
	}

	/** What the dashboard last said, for tests. */
	public String getStatus() {
		return status.getText();
	}

	@Override
	public void setFocus() {
		year.setFocus();
	}
}
