package jp.ikiiki.desk.subjects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.ikiiki.desk.subjects.ImportOptions;
import jp.ikiiki.desk.subjects.ImportOutcome;
import jp.ikiiki.desk.subjects.ImportProblem;
import jp.ikiiki.desk.subjects.SubjectImports;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Generated files through the real import (dry run): the rows the generator spoiled are exactly the rejected
 * ones, and its 外字 rows exactly the flagged ones, in every format. Keeps generator and import in step.
 */
@SpringBootTest
@WithMockUser(username = "generator-it", roles = "OPERATOR")
class GeneratedFilesImportIT {

	@Autowired
	SubjectImports imports;

	@ParameterizedTest
	@EnumSource(OutputFormat.class)
	void the_import_rejects_exactly_the_bad_rows_and_flags_exactly_the_gaiji_rows(OutputFormat format) throws IOException {
		for (SubjectFileKind kind : SubjectFileKind.values()) {
			var options = GeneratorOptions.of(kind, 600, 99).withFormat(format).withGaijiShare(0.05).withBadShare(0.05);
			var bytes = new ByteArrayOutputStream();
			GeneratedFile expected = new SubjectGenerator(options).write(bytes);

			ImportOutcome outcome = imports.importFile(kind, "generated." + format.extension(),
					new ByteArrayInputStream(bytes.toByteArray()), new ImportOptions(true, true));

			String label = kind + " " + format;
			Set<Long> rejectedRows = outcome.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR)
					.map(ImportProblem::row).collect(Collectors.toCollection(TreeSet::new));
			// An import may also reject the first occurrence of a duplicated 宛名番号.
			Set<Long> allowed = new TreeSet<>(expected.badRows());
			expected.problems().stream().filter(p -> p.duplicateOfRow() > 0).forEach(p -> allowed.add(p.duplicateOfRow()));
			assertThat(rejectedRows).as(label + " " + outcome.problems()).containsAll(expected.badRows());
			assertThat(allowed).as(label).containsAll(rejectedRows);
			for (ExpectedProblem p : expected.problems()) {
				assertThat(outcome.problems()).as(label + " " + p)
						.anyMatch(q -> q.row() == p.row() && q.severity() == ImportProblem.Severity.ERROR
								&& p.column().equals(q.column()));
			}
			Set<Long> flaggedRows = outcome.problems().stream().filter(p -> p.severity() == ImportProblem.Severity.GAIJI)
					.map(ImportProblem::row).collect(Collectors.toCollection(TreeSet::new));
			assertThat(flaggedRows).as(label).isEqualTo(expected.gaijiRows());
			assertThat(outcome.status()).isEqualTo(ImportOutcome.Status.DRY_RUN);
		}
	}
}
