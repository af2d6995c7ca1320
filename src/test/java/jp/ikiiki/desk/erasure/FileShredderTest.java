package jp.ikiiki.desk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileShredderTest {

	@TempDir Path dir;

	@Test
	void a_module_directory_is_emptied_of_files_and_subdirectories_but_stays() throws Exception {
		Files.createDirectories(dir.resolve("2026/a"));
		Files.writeString(dir.resolve("2026/a/scan.pdf"), "山田太郎 1000000001");
		Files.writeString(dir.resolve("list.xlsx"), "x".repeat(200_000));
		assertThat(FileShredder.count(dir)).isEqualTo(2);
		assertThat(FileShredder.shredAll(dir)).isEqualTo(2);
		assertThat(dir).isEmptyDirectory();
	}

	@Test
	void a_filtered_shred_removes_only_matching_files_and_never_a_directory() throws Exception {
		Files.createDirectories(dir.resolve("someone-elses/empty"));
		Files.writeString(dir.resolve("ikiiki-import1.upload"), "1000000001");
		Files.writeString(dir.resolve("keep.txt"), "other");
		assertThat(FileShredder.shredTopLevel(dir, p -> p.getFileName().toString().startsWith("ikiiki-import"))).isEqualTo(1);
		assertThat(dir.resolve("ikiiki-import1.upload")).doesNotExist();
		assertThat(dir.resolve("keep.txt")).exists();
		assertThat(dir.resolve("someone-elses/empty")).isDirectory();
		assertThat(FileShredder.shredAll(dir, p -> p.getFileName().toString().equals("none"))).isZero();
		assertThat(dir.resolve("someone-elses/empty")).isDirectory();
	}

	@Test
	void a_symbolic_link_is_removed_and_its_target_left_alone() throws Exception {
		Path outside = Files.createTempFile("shredder-target", ".txt");
		try {
			Files.writeString(outside, "target");
			Files.createSymbolicLink(dir.resolve("link"), outside);
			FileShredder.shredAll(dir);
			assertThat(dir.resolve("link")).doesNotExist();
			assertThat(Files.readString(outside)).isEqualTo("target");
		} finally {
			Files.deleteIfExists(outside);
		}
	}

	@Test
	void a_missing_directory_counts_and_shreds_nothing() {
		assertThat(FileShredder.count(dir.resolve("missing"))).isZero();
		assertThat(FileShredder.shredAll(dir.resolve("missing"))).isZero();
	}
}
