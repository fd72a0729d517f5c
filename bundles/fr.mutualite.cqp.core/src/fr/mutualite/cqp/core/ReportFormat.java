package fr.mutualite.cqp.core;

import java.util.Locale;

/** The output formats of reports. */
public enum ReportFormat {
	PDF("pdf"), HTML("html"), XLSX("xlsx");

	private final String extension;

	ReportFormat(String extension) {
		this.extension = extension;
	}

	/** File name extension, without the dot. */
	public String extension() {
		return extension;
	}

	/** The format named by {@code name} ("pdf", "HTML", ...), or {@code null} when there is none. */
	public static ReportFormat parse(String name) {
		for (ReportFormat f : values()) {
			if (f.extension.equals(name.toLowerCase(Locale.ROOT))) {
				return f;
			}
		}
		return null;
	}
}
