package jp.ikiiki.desk.deliverables.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.deliverables.DeliverablePeriod;
import jp.ikiiki.desk.deliverables.Deliverables;
import jp.ikiiki.desk.deliverables.HandoverPackages;
import jp.ikiiki.desk.shared.JapanTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Builds the handover package (第9章1(4)) in memory (documents, schema and a small workbook: a few megabytes) and
 * records it in the audit trail with its SHA-256. The documents come from the jar ({@code handover/docs/**}, copied
 * there by the build from {@code docs/}), the source revision from {@code handover/source-revision.properties}
 * (written by the build from git), the schema from {@code pg_catalog} and Flyway's history, the configuration from
 * the environment with its secrets masked, the open deliverables from {@link Deliverables}.
 */
@Service
class HandoverPackageService implements HandoverPackages {

	static final String REVISION = "handover/source-revision.properties";
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmm");
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	private final Deliverables deliverables;
	private final HandoverDataModel dataModel;
	private final ConfigurableEnvironment environment;
	private final AuditTrail audit;
	private final DeliverablesProperties properties;
	private final Clock clock;
	private final ApplicationContext context;

	HandoverPackageService(Deliverables deliverables, HandoverDataModel dataModel, ConfigurableEnvironment environment,
			AuditTrail audit, DeliverablesProperties properties, ObjectProvider<Clock> clock,
			ApplicationContext context) {
		this.context = context;
		this.deliverables = deliverables;
		this.dataModel = dataModel;
		this.environment = environment;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public HandoverPackage build(String channel) {
		Instant now = clock.instant();
		LocalDateTime local = LocalDateTime.ofInstant(now, JapanTime.ZONE);
		String title = "いきいきデスク 引継ぎパッケージ（" + SHOWN.format(local) + " 現在）";
		Map<String, byte[]> entries = new LinkedHashMap<>();
		Properties revision = revision();

		List<String> docs = new ArrayList<>();
		for (Map.Entry<String, byte[]> doc : documents().entrySet()) {
			entries.put("docs/" + doc.getKey(), doc.getValue());
			docs.add(doc.getKey());
		}
		entries.put("source-revision.properties", revisionText(revision));
		List<HandoverDataModel.Column> columns = dataModel.columns();
		entries.put("data-model/data-model.md", utf8(HandoverTexts.dataModelMarkdown(columns,
				dataModel.constraints(), dataModel.indexes())));
		entries.put("data-model/columns.csv", csv(HandoverTexts.columnsCsv(columns)));
		entries.put("data-model/constraints.csv", csv(HandoverTexts.constraintsCsv(dataModel.constraints())));
		entries.put("data-model/indexes.csv", csv(HandoverTexts.indexesCsv(dataModel.indexes())));
		List<HandoverDataModel.Migration> migrations = dataModel.migrations();
		entries.put("data-model/flyway-migrations.csv", csv(HandoverTexts.migrationsCsv(migrations)));
		entries.put("configuration/configuration.properties", utf8(HandoverTexts.configuration(
				HandoverConfiguration.inForce(environment), HandoverConfiguration.bound(context),
				List.of(environment.getActiveProfiles()))));
		List<DeliverablePeriod> open = openDeliverables(local.toLocalDate());
		entries.put("checklist/handover-checklist.xlsx", HandoverChecklist.xlsx(title, open, parts(docs)));
		entries.put("README.txt", utf8(HandoverTexts.readme(title, revision, docs, columns, migrations, open)));
		entries.put("SHA256SUMS", utf8(HandoverTexts.sums(entries)));

		byte[] zip = zip(entries, now);
		String sha = DeliverablesService.sha256(zip);
		String fileName = "引継ぎパッケージ_" + STAMP.format(local) + ".zip";
		audit.recordFile(AuditAction.EXPORT, channel, fileName, "引継ぎパッケージ作成（第9章1(4)） ソース "
				+ revision.getProperty("git.commit.id", "unknown") + " SHA-256=" + sha);
		return new HandoverPackage(fileName, sha, List.copyOf(entries.keySet()), now, zip);
	}

	/**
	 * The periods not delivered, from the months the home page's overdue count looks back at to the end of the fiscal
	 * year (March; at least the next month): what the next contractor takes over.
	 */
	List<DeliverablePeriod> openDeliverables(LocalDate today) {
		YearMonth current = YearMonth.from(today);
		YearMonth first = current.minusMonths(properties.lookbackMonths());
		YearMonth last = YearMonth.of(today.getMonthValue() <= 3 ? today.getYear() : today.getYear() + 1, 3);
		if (last.isBefore(current.plusMonths(1))) {
			last = current.plusMonths(1);
		}
		List<DeliverablePeriod> open = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			for (DeliverablePeriod p : deliverables.month(m)) {
				if (!p.state().delivered()) {
					open.add(p);
				}
			}
		}
		open.sort(Comparator.comparing(DeliverablePeriod::due).thenComparing(DeliverablePeriod::kind)
				.thenComparing(DeliverablePeriod::period));
		return open;
	}

	private static List<HandoverChecklist.Part> parts(List<String> docs) {
		List<HandoverChecklist.Part> parts = new ArrayList<>();
		parts.add(new HandoverChecklist.Part("運営マニュアル", "docs/operations.md", "起動・設定・運用・障害対応の手順（第9章1(3)）"));
		parts.add(new HandoverChecklist.Part("設計書（アーキテクチャ）", "docs/architecture.md", "モジュール構成・データベース・各機能の設計"));
		parts.add(new HandoverChecklist.Part("モジュール図・説明", "docs/modules/", "モジュールごとの図と説明（" + docs.stream()
				.filter(d -> d.startsWith("modules/")).count() + " ファイル）"));
		parts.add(new HandoverChecklist.Part("データモデル", "data-model/", "テーブル・列・型・コメント・制約・索引（稼働中のデータベースから）"));
		parts.add(new HandoverChecklist.Part("適用済みマイグレーション", "data-model/flyway-migrations.csv", "Flyway の適用履歴"));
		parts.add(new HandoverChecklist.Part("ソースコードの版", "source-revision.properties", "このビルドの git コミット ID"));
		parts.add(new HandoverChecklist.Part("設定（秘密情報を除く）", "configuration/configuration.properties",
				"稼働中の ikiiki.* 設定。パスワード・鍵・トークンは伏せ字"));
		parts.add(new HandoverChecklist.Part("未了の提出物", "checklist/handover-checklist.xlsx（未了の提出物）", "未納品の提出物と期限"));
		parts.add(new HandoverChecklist.Part("改ざん確認", "SHA256SUMS", "各ファイルの SHA-256"));
		return parts;
	}

	/** Every file under {@code handover/docs/} in the jar, by its path below it, in name order. */
	static Map<String, byte[]> documents() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:handover/docs/**/*");
			Map<String, byte[]> docs = new java.util.TreeMap<>();
			for (Resource r : found) {
				if (!r.isReadable()) {
					continue;
				}
				String url = r.getURL().toString();
				int at = url.lastIndexOf("handover/docs/");
				String path = url.substring(at + "handover/docs/".length());
				if (path.isEmpty() || path.endsWith("/")) {
					continue;
				}
				try (InputStream in = r.getInputStream()) {
					docs.put(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8), in.readAllBytes());
				}
			}
			if (docs.isEmpty()) {
				throw new IllegalStateException("the build put no documents under handover/docs/ into the jar");
			}
			return docs;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Properties revision() {
		Properties p = new Properties();
		try (InputStream in = HandoverPackageService.class.getClassLoader().getResourceAsStream(REVISION)) {
			if (in != null) {
				p.load(in);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}

	private static byte[] revisionText(Properties revision) {
		StringBuilder text = new StringBuilder("# Source revision the running build was made from (第9章1(4)).\n");
		if (revision.isEmpty()) {
			text.append("# The build wrote no revision (built without src/main/scripts/source-revision.sh).\n");
			text.append("git.commit.id=unknown\n");
		}
		revision.stringPropertyNames().stream().sorted()
				.forEach(k -> text.append(k).append('=').append(revision.getProperty(k)).append('\n'));
		return utf8(text.toString());
	}

	private static byte[] zip(Map<String, byte[]> entries, Instant at) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				ZipEntry entry = new ZipEntry("ikiiki-desk-handover/" + e.getKey());
				entry.setTime(at.toEpochMilli());
				zip.putNextEntry(entry);
				zip.write(e.getValue());
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** UTF-8 with a byte order mark, so that Excel opens the Japanese text as it is. */
	private static byte[] csv(String text) {
		byte[] body = utf8(text);
		byte[] withBom = Arrays.copyOf(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, 3 + body.length);
		System.arraycopy(body, 0, withBom, 3, body.length);
		return withBom;
	}
}
