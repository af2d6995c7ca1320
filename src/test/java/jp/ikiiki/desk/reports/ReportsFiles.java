package jp.ikiiki.desk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders report files to look at: a PDF's pages to PNG (pdftoppm), an XLSX to PDF (LibreOffice). */
public final class ReportsFiles {

	private ReportsFiles() {
	}

	/** Renders every page of a PDF to {@code prefix-N.png} at 80 dpi. */
	public static void png(Path pdf, Path prefix) throws Exception {
		Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", pdf.toString(), prefix.toString())
				.redirectErrorStream(true).start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
	}

	/** Converts an XLSX to PDF with LibreOffice, in the same directory; returns the PDF. */
	public static Path soffice(Path xlsx) throws Exception {
		Path dir = xlsx.getParent();
		String name = xlsx.getFileName().toString();
		Path pdf = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
		Files.deleteIfExists(pdf);
		Path profile = Files.createTempDirectory("lo-profile");
		Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", dir.toString(), xlsx.toString()).redirectErrorStream(true).start();
		assertThat(soffice.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
		String output = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(soffice.exitValue()).as(output).isZero();
		assertThat(pdf).exists();
		return pdf;
	}
}
