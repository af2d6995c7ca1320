package jp.ikiiki.desk;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import javax.sql.DataSource;
import jp.ikiiki.desk.architecture.ui.ViewWithSql;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rules of the house that {@code ModularityTests} does not cover (STYLE.md, "UI"): views call their module's
 * services only — no SQL, no JDBC, no repositories in any {@code ..ui..} package.
 */
class ArchitectureTest {

	/** JDBC in any form, and repositories (Spring Data or {@code @Repository} classes). */
	static final DescribedPredicate<JavaClass> DATA_ACCESS = assignableTo(JdbcClient.class)
			.or(assignableTo(JdbcOperations.class)) // JdbcTemplate
			.or(assignableTo(NamedParameterJdbcOperations.class)) // NamedParameterJdbcTemplate
			.or(assignableTo(DataSource.class))
			.or(assignableTo(java.sql.Connection.class))
			.or(assignableTo(org.springframework.data.repository.Repository.class))
			.or(describe("annotated with @Repository", c -> c.isAnnotatedWith(Repository.class)))
			.as("JDBC or a repository");

	static final ArchRule VIEWS_CALL_SERVICES_ONLY = noClasses().that().resideInAPackage("..ui..")
			.should().dependOnClassesThat(DATA_ACCESS)
			.because("views call their module's services only; SQL and repositories stay behind them (STYLE.md)");

	@Test
	void no_view_reaches_the_database_other_than_through_a_service() {
		JavaClasses application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("jp.ikiiki.desk");
		VIEWS_CALL_SERVICES_ONLY.check(application);
	}

	@Test
	void the_rule_catches_a_view_that_queries_the_database_itself() {
		JavaClasses fixture = new ClassFileImporter().importClasses(ViewWithSql.class);
		assertThat(VIEWS_CALL_SERVICES_ONLY.evaluate(fixture).hasViolation()).isTrue();
	}
}
