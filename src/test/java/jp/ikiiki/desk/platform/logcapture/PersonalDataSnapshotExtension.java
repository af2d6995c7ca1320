package jp.ikiiki.desk.platform.logcapture;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Test-only, registered for every test class (JUnit's extension auto-detection, {@code junit-platform.properties}):
 * after each test method of a Spring test, records the personal values its database holds then
 * ({@link PersonalDataSnapshot}), so that subjects a test creates and the next one deletes are searched for too.
 * Other tests are left alone (no context is ever started for them).
 */
public class PersonalDataSnapshotExtension implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		if (!AnnotatedElementUtils.hasAnnotation(testClass, org.springframework.test.context.BootstrapWith.class)
				&& !AnnotatedElementUtils.hasAnnotation(testClass, org.springframework.test.context.ContextConfiguration.class)) {
			return;
		}
		try {
			var application = SpringExtension.getApplicationContext(context);
			if (application.getBeanNamesForType(DataSource.class).length > 0) {
				PersonalDataSnapshot.write(JdbcClient.create(application.getBean(DataSource.class)));
			}
		} catch (RuntimeException e) {
			System.err.println("PersonalDataSnapshotExtension: " + e);
		}
	}
}
