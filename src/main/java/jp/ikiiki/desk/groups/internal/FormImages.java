package jp.ikiiki.desk.groups.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import jp.ikiiki.desk.groups.GroupsProperties;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * The scanned forms (第10章2: 届出書のイメージデータ), one PDF per form, kept outside the database under
 * {@code ikiiki.groups.form-images.dir} as {@code form-<id>.pdf}. A file is checked before it is kept — a PDF (header
 * and parse), not encrypted, 1 to {@code max-pages} pages, no page side over 450 mm, at most {@code max-bytes} — and
 * refused with the reason otherwise; nothing of a refused file stays.
 */
@Component
class FormImages {

	/** The screens' page image: an A4 form fits the keying screen's column. */
	static final int SCREEN_DPI = 100;
	private static final double MAX_SIDE_POINTS = 450 / 25.4 * 72;

	private final GroupsProperties.FormImages settings;

	FormImages(GroupsProperties properties) {
		this.settings = properties.formImages();
	}

	/** A kept file. */
	record Kept(String name, String sha256, int pages, long bytes) {
	}

	/**
	 * Checks and keeps the content as the form's image.
	 *
	 * @throws InvalidInputException (field {@code file}) with the reason the file is refused
	 */
	Kept keep(long formId, InputStream content) {
		Path dir = settings.dir();
		Path temp = null;
		try {
			Files.createDirectories(dir);
			temp = Files.createTempFile(dir, "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long bytes = copyAtMost(content, temp, sha, settings.maxBytes());
			if (bytes == 0) {
				throw new InvalidInputException("file", "空のファイルです");
			}
			if (bytes > settings.maxBytes()) {
				throw new InvalidInputException("file", "ファイルが大きすぎます（上限 " + settings.maxBytes() / 1_000_000 + " MB）");
			}
			byte[] head = new byte[5];
			try (InputStream in = Files.newInputStream(temp)) {
				if (in.readNBytes(head, 0, 5) < 5 || !"%PDF-".equals(new String(head, java.nio.charset.StandardCharsets.US_ASCII))) {
					throw new InvalidInputException("file", "PDFファイルではありません");
				}
			}
			int pages = pages(temp);
			String name = "form-" + formId + ".pdf";
			Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			temp = null;
			return new Kept(name, HexFormat.of().formatHex(sha.digest()), pages, bytes);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		} finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				} catch (IOException ignored) {
					// a leftover .part file is removed with the next erasure of the directory
				}
			}
		}
	}

	private int pages(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			int pages = document.getNumberOfPages();
			if (pages < 1) {
				throw new InvalidInputException("file", "ページのないPDFです");
			}
			if (pages > settings.maxPages()) {
				throw new InvalidInputException("file", "ページが多すぎます（" + pages + "ページ、届出書1件は " + settings.maxPages()
						+ " ページまで）");
			}
			for (PDPage page : document.getPages()) {
				var box = page.getMediaBox();
				if (box.getWidth() > MAX_SIDE_POINTS || box.getHeight() > MAX_SIDE_POINTS) {
					throw new InvalidInputException("file", "ページが大きすぎます（450 mm を超える辺があります）");
				}
			}
			return pages;
		} catch (InvalidPasswordException e) {
			throw new InvalidInputException("file", "暗号化されたPDFは取り込めません");
		} catch (IOException e) {
			throw new InvalidInputException("file", "PDFとして読めません");
		}
	}

	private static long copyAtMost(InputStream in, Path to, MessageDigest sha, long max) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(to), sha)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > max) {
					return total;
				}
				out.write(buffer, 0, n);
			}
		}
		return total;
	}

	/** A page as PNG, or null without such a page. */
	byte[] png(String name, int page) {
		Path file = settings.dir().resolve(name);
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			if (page < 1 || page > document.getNumberOfPages()) {
				return null;
			}
			PDFRenderer renderer = new PDFRenderer(document);
			renderer.setSubsamplingAllowed(true);
			BufferedImage image = renderer.renderImageWithDPI(page - 1, SCREEN_DPI, ImageType.GRAY);
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Path dir() {
		return settings.dir();
	}
}
