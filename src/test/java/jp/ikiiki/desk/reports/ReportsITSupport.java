package jp.ikiiki.desk.reports;

/** Test support shared by the reports' ITs outside this package. */
public final class ReportsITSupport {

	private ReportsITSupport() {
	}

	/** Sets an authenticated user with one role on this thread (service calls outside a request). */
	public static void signIn(String username, String role) {
		ReportsIT.signIn(username, role);
	}
}
