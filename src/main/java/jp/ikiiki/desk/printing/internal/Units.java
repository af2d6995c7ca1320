package jp.ikiiki.desk.printing.internal;

/** Millimetres and PDF points (1/72 inch). */
public final class Units {

	/** Points per millimetre: 72 / 25.4. */
	public static final double PT_PER_MM = 72.0 / 25.4;

	private Units() {
	}

	/** Millimetres to points. */
	public static float mmToPt(double mm) {
		return (float) (mm * PT_PER_MM);
	}

	/** Points to millimetres. */
	public static double ptToMm(double pt) {
		return pt / PT_PER_MM;
	}

	/** Pixels at {@code dpi} for a length in millimetres. */
	public static double mmToPx(double mm, int dpi) {
		return mm / 25.4 * dpi;
	}
}
