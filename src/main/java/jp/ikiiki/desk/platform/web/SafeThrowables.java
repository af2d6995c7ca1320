package jp.ikiiki.desk.platform.web;

/**
 * An exception described for the application log without its messages: the types of the cause chain and the
 * stack frames. Messages of database and parsing exceptions carry the values they failed on — 宛名番号, names —
 * and personal data must not reach the log (第11章).
 */
public final class SafeThrowables {

	private static final int MAX_FRAMES = 12;

	private SafeThrowables() {
	}

	/** Types and frames of the exception and its causes, without any message. */
	public static String describe(Throwable error) {
		var out = new StringBuilder();
		Throwable t = error;
		int depth = 0;
		while (t != null && depth++ < 8) {
			if (out.length() > 0) {
				out.append("\n  caused by ");
			}
			out.append(t.getClass().getName());
			StackTraceElement[] frames = t.getStackTrace();
			for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
				out.append("\n    at ").append(frames[i]);
			}
			if (frames.length > MAX_FRAMES) {
				out.append("\n    ... ").append(frames.length - MAX_FRAMES).append(" more");
			}
			t = t.getCause() == t ? null : t.getCause();
		}
		return out.toString();
	}
}
