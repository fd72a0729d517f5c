package fr.mutualite.cqp.ui.diagram;

import org.eclipse.osgi.util.NLS;

/** Translated texts of the diagram and cross-table views (French by default, English in messages_en). */
final class Messages extends NLS {
	private static final String BUNDLE_NAME = "fr.mutualite.cqp.ui.diagram.messages"; //$NON-NLS-1$

	public static String Diagram_noEditor;
	public static String Diagram_summary;
	public static String Diagram_all;
	public static String Diagram_filterTip;
	public static String Diagram_criteria;
	public static String Diagram_criteriaTip;
	public static String Diagram_zoomIn;
	public static String Diagram_zoomOut;
	public static String Diagram_zoomActual;
	public static String Diagram_fit;
	public static String Diagram_arrange;
	public static String Diagram_exportSvg;
	public static String Diagram_exportPng;
	public static String Diagram_fileAll;
	public static String Diagram_open;
	public static String Diagram_collapse;
	public static String Diagram_expand;
	public static String Diagram_openFailedTitle;
	public static String Diagram_exportFailedTitle;
	public static String Table_own;
	public static String Table_summary;
	public static String Diagram_fitShort;
	public static String Diagram_arrangeShort;
	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
