package jp.ikiiki.desk.keying;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import jp.ikiiki.desk.erasure.FileShredder;
import jp.ikiiki.desk.shared.InvalidInputException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The scans of keyed paper documents (第10章2, 第10章3: 届出書・口座登録用紙のイメージデータ), one file per document,
 * kept outside the database in one directory as {@code form-<id>.pdf} (or {@code .png}, {@code .jpg}, {@code .tif}
 * where images are accepted, for a scanner that writes images). A file is checked before it is kept — by its header a
 * PDF (or a PNG/JPEG/TIFF image where accepted); a PDF that parses, not encrypted, no page side over 450 mm; an image
 * whose sides are at most 10,000 pixels; 1 to {@code maxPages} pages; at most {@code maxBytes} — and refused with the
 * reason otherwise; nothing of a refused file stays. A scan replaced by a new one is personal data: it is overwritten
 * before the new one takes its name. Not a bean of its own: each module extends it with its own directory and limits.
 */
public class ScanFiles {

	/** The screens' page image: an A4 form fits the keying screen's column. */
	public static final int SCREEN_DPI = 100;
	/** The width an image page is shown at (A4 at {@link #SCREEN_DPI}). */
	public static final int SCREEN_WIDTH = 827;
	private static final double MAX_SIDE_POINTS = 450 / 25.4 * 72;
	private static final int MAX_SIDE_PIXELS = 10_000;

	private final Path dir;
	private final long maxBytes;
	private final int maxPages;
	private final String document;
	private final boolean images;

	/**
	 * @param dir      where the files are kept
	 * @param maxBytes the largest file accepted
	 * @param maxPages the most pages one document may have
	 * @param document what one file is, as refusals name it (e.g. 口座登録用紙)
	 * @param images   true if PNG, JPEG and TIFF images are accepted besides PDF
	 */
	public ScanFiles(Path dir, long maxBytes, int maxPages, String document, boolean images) {
		this.dir = dir;
		this.maxBytes = maxBytes;
		this.maxPages = maxPages;
		this.document = document;
		this.images = images;
	}

	/** A kept file: its name in the directory, SHA-256 of its content, its pages and size. */
	public record Kept(String name, String sha256, int pages, long bytes) {
	}

	private enum Kind {
		PDF("pdf"), PNG("png"), JPEG("jpg"), TIFF("tif");

		final String extension;

		Kind(String extension) {
			this.extension = extension;
		}

		static Kind of(byte[] h, int n) {
			if (n >= 5 && "%PDF-".equals(new String(h, 0, 5, StandardCharsets.US_ASCII))) {
				return PDF;
			}
			if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
				return PNG;
			}
			if (n >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
				return JPEG;
			}
			if (n >= 4 && (h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0
					|| h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42)) {
				return TIFF;
			}
			return null;
		}

		static Kind ofName(String name) {
			for (Kind k : values()) {
				if (name.endsWith("." + k.extension)) {
					return k;
				}
			}
			throw new IllegalStateException("not a kept image name");
		}
	}

	/**
	 * Checks and keeps the content as the form's image.
	 *
	 * @throws InvalidInputException (field {@code file}) with the reason the file is refused
	 */
	public Kept keep(long formId, InputStream content) {
		Path temp = null;
		try {
			Files.createDirectories(dir);
			temp = Files.createTempFile(dir, "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long bytes = copyAtMost(content, temp, sha, maxBytes);
			if (bytes == 0) {
				throw new InvalidInputException("file", "空のファイルです");
			}
			if (bytes > maxBytes) {
				throw new InvalidInputException("file", "ファイルが大きすぎます（上限 " + maxBytes / 1_000_000 + " MB）");
			}
			byte[] head = new byte[8];
			int n;
			try (InputStream in = Files.newInputStream(temp)) {
				n = in.readNBytes(head, 0, head.length);
			}
			Kind kind = Kind.of(head, n);
			if (kind == null || kind != Kind.PDF && !images) {
				throw new InvalidInputException("file", images ? "PDFまたは画像（PNG・JPEG・TIFF）のファイルではありません"
						: "PDFファイルではありません");
			}
			int pages = kind == Kind.PDF ? pdfPages(temp) : imagePages(temp);
			String name = "form-" + formId + "." + kind.extension;
			Path target = dir.resolve(name);
			if (Files.exists(target)) {
				// the scan it replaces is personal data: overwritten, not only unlinked
				FileShredder.shred(target);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
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
					// a leftover .part file is shredded with the next erasure of the directory
				}
			}
		}
	}

	private int pdfPages(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			int pages = document.getNumberOfPages();
			if (pages < 1) {
				throw new InvalidInputException("file", "ページのないPDFです");
			}
			tooManyPages(pages);
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

	private int imagePages(Path file) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				throw new InvalidInputException("file", "画像として読めません");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				int pages = reader.getNumImages(true);
				if (pages < 1) {
					throw new InvalidInputException("file", "ページのない画像です");
				}
				tooManyPages(pages);
				for (int i = 0; i < pages; i++) {
					if (reader.getWidth(i) > MAX_SIDE_PIXELS || reader.getHeight(i) > MAX_SIDE_PIXELS) {
						throw new InvalidInputException("file", "画像が大きすぎます（" + MAX_SIDE_PIXELS + " ピクセルを超える辺があります）");
					}
				}
				// decoded once, so that a truncated or corrupt image is refused now and not when it is shown
				for (int i = 0; i < pages; i++) {
					reader.read(i);
				}
				return pages;
			} finally {
				reader.dispose();
			}
		} catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException refused) {
				throw refused;
			}
			throw new InvalidInputException("file", "画像として読めません");
		}
	}

	private void tooManyPages(int pages) {
		if (pages > maxPages) {
			throw new InvalidInputException("file", "ページが多すぎます（" + pages + "ページ、" + document + "1件は " + maxPages
					+ " ページまで）");
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
	public byte[] png(String name, int page) {
		Path file = dir.resolve(name);
		try {
			BufferedImage image = Kind.ofName(name) == Kind.PDF ? pdfPage(file, page) : imagePage(file, page);
			if (image == null) {
				return null;
			}
			var out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static BufferedImage pdfPage(Path file, int page) throws IOException {
		try (PDDocument document = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			if (page < 1 || page > document.getNumberOfPages()) {
				return null;
			}
			PDFRenderer renderer = new PDFRenderer(document);
			renderer.setSubsamplingAllowed(true);
			return renderer.renderImageWithDPI(page - 1, SCREEN_DPI, ImageType.GRAY);
		}
	}

	private static BufferedImage imagePage(Path file, int page) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			ImageReader reader = ImageIO.getImageReaders(in).next();
			try {
				reader.setInput(in);
				if (page < 1 || page > reader.getNumImages(true)) {
					return null;
				}
				BufferedImage source = reader.read(page - 1);
				int width = Math.min(SCREEN_WIDTH, source.getWidth());
				int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
				BufferedImage shown = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
				Graphics2D g = shown.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.drawImage(source, 0, 0, width, height, null);
				g.dispose();
				return shown;
			} finally {
				reader.dispose();
			}
		}
	}

	/** The directory the files are kept in. */
	public Path dir() {
		return dir;
	}
}
