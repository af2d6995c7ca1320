package jp.ikiiki.desk.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an {@link EmbeddedDatabaseRefusal} as Spring Boot's "APPLICATION FAILED TO START" description and action. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseRefusal> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseRefusal cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
