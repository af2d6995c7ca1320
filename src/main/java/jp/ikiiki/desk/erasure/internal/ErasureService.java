package jp.ikiiki.desk.erasure.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.erasure.ErasureCertificate;
import jp.ikiiki.desk.erasure.ErasureCertificate.KindCount;
import jp.ikiiki.desk.erasure.ErasureCertificate.Kept;
import jp.ikiiki.desk.erasure.ErasureProperties;
import jp.ikiiki.desk.erasure.ErasureState;
import jp.ikiiki.desk.erasure.Erasures;
import jp.ikiiki.desk.erasure.PersonalDataKind;
import jp.ikiiki.desk.erasure.PersonalDataStore;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.shared.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure's steps, in order: every module's {@link PersonalDataStore} erases its data (lowest order first; the
 * framework's event registry, then the audit trail's secrets last), then the storage is reclaimed on the schema owner's
 * connection, the kinds are counted again and every table is hashed. Only one erasure works at a time: the run holds a
 * PostgreSQL advisory lock on a connection of its own for its whole length (released by the server if the process
 * dies) and the table allows one RUNNING row. A crash leaves the row RUNNING; confirming it again re-runs every step,
 * each of which does nothing the second time, and the counts before are those of the first attempt.
 */
@Service
@EnableConfigurationProperties(ErasureProperties.class)
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class ErasureService implements Erasures {

	private static final Logger log = LoggerFactory.getLogger(ErasureService.class);
	/** The advisory lock's key ("ERAS"). */
	static final long LOCK = 0x45524153L;
	private static final String CHANNEL = "消去";

	static final String METHOD = String.join("\n",
			"データベース：各業務モジュールが自らの個人データの行を削除（統計に残す通話記録は発信者番号の列のみ消去）。"
					+ "その後、スキーマ所有者の接続で VACUUM FULL により全テーブルと索引を新しいファイルに書き直して削除済み行を含む旧ファイルを解放し、"
					+ "統計情報（列の標本値）を消去して作り直し、WAL の再利用を止めてチェックポイントと WAL 切替えを全セグメント数以上繰り返し、"
					+ "削除前の行を含む WAL を消去。",
			"監査ログ：誰が・いつ・どの画面で・何をしたか（利用者名・日時・操作・画面/API・接続元）は平文のまま保持。"
					+ "個人の値（宛名番号・ファイル名・検索条件などの詳細）は鍵ごとに AES-256（OpenPGP 対称暗号、改ざん検知付き）で暗号化し、"
					+ "宛名番号の検索用には HMAC-SHA-256 のみを保存していたため、その鍵を破棄して復元不能化。",
			"ディスク上のファイル（スキャン画像・印刷ファイル・取込の一時ファイル）：乱数、次に 0 で全体を上書きしディスクへ書き出した後に削除。",
			"媒体：ファイルシステムやSSDの特性上、上書き前の内容が媒体に残る可能性があるため、運用手順書のとおりボリューム全体の暗号化鍵の破棄または媒体消去を併せて行う。");

	static final List<Kept> KEPT = List.of(
			new Kept("監査ログの利用者名・日時・操作・画面/API・接続元", "第11章の監査証跡として、誰がいつ何をしたかを示すため（個人の値は鍵の破棄で復元不能）"),
			new Kept("利用者アカウント（職員）とログイン失敗記録", "発注者が提供したデータではなく、消去の実行者・確認者を特定するため"),
			new Kept("通話記録の日時・待ち時間・結果・応答者（発信者番号は消去）", "番号を含まない受電統計（受電数・応答数・応答率）を再計算できるようにするため"),
			new Kept("報告書（日次の受電統計など）", "個人を含まない統計として発注者へ提出済みのため"),
			new Kept("設定（回線計画・問い合わせ分類・回答マニュアル・引受番号の範囲など）", "個人データを含まない業務設定のため"),
			new Kept("通知回・支払回・振込不能の記録の日付と件数・合計額（一覧・ファイル・対象者は消去）", "個人を含まない件数として作業報告の根拠とするため"),
			new Kept("提出データの回・期限・状態・提出日時（ファイルとダウンロード記録は消去）と作業報告書の記述", "提出の経過を示す記録で、個人データを含まないため"),
			new Kept("金融機関・店舗マスタ", "公開されている金融機関コードで、個人データではないため"),
			new Kept("消去の記録（本証明書のデータ）", "消去の証明のため（件数・実行者・ハッシュのみで個人データを含まない）"));

	private final List<PersonalDataStore> stores;
	private final ErasureRuns runs;
	private final Reclaimer reclaimer;
	private final AuditTrail audit;
	private final ErasureProperties properties;
	private final DataSource dataSource;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final CertificatePdf pdf;

	ErasureService(List<PersonalDataStore> stores, ErasureRuns runs, Reclaimer reclaimer, AuditTrail audit,
			ErasureProperties properties, DataSource dataSource, PlatformTransactionManager transactions,
			org.springframework.beans.factory.ObjectProvider<Clock> clock, CertificatePdf pdf) {
		this.stores = stores.stream().sorted(Comparator.comparingInt(PersonalDataStore::order)
				.thenComparing(PersonalDataStore::module)).toList();
		this.runs = runs;
		this.reclaimer = reclaimer;
		this.audit = audit;
		this.properties = properties;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.pdf = pdf;
	}

	@Override
	public ErasureCertificate dryRun() {
		Instant now = clock.instant();
		List<KindCount> counts = count();
		audit.record(AuditAction.VIEW, CHANNEL + ":試行", List.of(), "消去の試行 対象 "
				+ counts.stream().mapToLong(KindCount::before).sum() + "件");
		return new ErasureCertificate(null, true, ErasureState.DRY_RUN, null, CurrentUser.name(), null, null, null, now,
				null, 0, counts, KEPT, List.of(), METHOD);
	}

	@Override
	public ErasureCertificate request(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "消去の理由を入力してください");
		}
		if (reason.strip().length() > 500) {
			throw new InvalidInputException("reason", "消去の理由は 500 文字以内にしてください");
		}
		Instant now = clock.instant();
		long id = transaction.execute(t -> {
			// one open erasure at a time: serialised by the advisory lock of this transaction
			runs.lockRequests();
			if (!runs.open(now).isEmpty()) {
				throw new StateConflictException("確認待ちまたは実行中の消去があります。そちらを確認するか取り下げてください");
			}
			return runs.insert(reason.strip(), CurrentUser.person(), now, now.plus(properties.confirmationWindow()));
		});
		audit.record(AuditAction.SETTINGS, CHANNEL + ":依頼", List.of(), "消去を依頼 番号=" + id);
		return find(id).orElseThrow();
	}

	@Override
	public ErasureCertificate withdraw(long id) {
		var run = runs.find(id).orElseThrow(() -> new NotFoundException("消去 " + id + " はありません"));
		if (run.certificate().state() != ErasureState.REQUESTED) {
			throw new StateConflictException("確認待ちの消去だけを取り下げられます（現在: " + run.certificate().state().label() + "）");
		}
		runs.withdraw(id);
		audit.record(AuditAction.SETTINGS, CHANNEL + ":取下げ", List.of(), "消去の依頼を取下げ 番号=" + id);
		return find(id).orElseThrow();
	}

	@Override
	public ErasureCertificate confirmAndRun(long id) {
		String confirmer = CurrentUser.person();
		try (Connection lock = dataSource.getConnection()) {
			lock.setAutoCommit(true);
			if (!tryLock(lock)) {
				throw new StateConflictException("別の消去を実行中です。終わるまでお待ちください");
			}
			try {
				return run(id, confirmer);
			} finally {
				unlock(lock);
			}
		} catch (SQLException e) {
			throw new IllegalStateException("the erasure's lock could not be taken (SQL state " + e.getSQLState() + ")");
		}
	}

	private ErasureCertificate run(long id, String confirmer) {
		var run = runs.find(id).orElseThrow(() -> new NotFoundException("消去 " + id + " はありません"));
		var c = run.certificate();
		Instant now = clock.instant();
		if (!c.state().mayRun()) {
			throw new StateConflictException("この消去は実行できません（現在: " + c.state().label() + "）");
		}
		if (confirmer.equals(c.requestedBy())) {
			throw new StateConflictException("依頼した本人は確認できません。別の情報管理責任者が確認してください");
		}
		if (c.state() == ErasureState.REQUESTED && !now.isBefore(run.expiresAt())) {
			throw new StateConflictException("確認の期限が過ぎています。もう一度依頼してください");
		}
		boolean rerun = c.state() == ErasureState.RUNNING;
		audit.record(AuditAction.SETTINGS, CHANNEL + ":実行", List.of(), (rerun ? "消去を再実行" : "消去を確認・実行")
				+ " 番号=" + id + " 依頼者=" + c.requestedBy());
		log.info("Erasure {} {} by a second administrator", id, rerun ? "re-run" : "started");
		runs.start(id, confirmer, now, count());
		for (PersonalDataStore store : stores) {
			store.erase();
			log.info("Erasure {}: module {} erased", id, store.module());
		}
		Reclaimer.Outcome reclaimed = reclaimer.reclaim();
		List<KindCount> after = count();
		var hashes = reclaimer.hashes();
		String method = METHOD + "\n実施結果：VACUUM FULL " + (reclaimed.vacuumed() ? "実施" : "未実施") + "、統計情報の消去 "
				+ (reclaimed.statisticsCleared() ? "実施" : "未実施（スーパーユーザー権限なし）") + "、WAL 切替え "
				+ reclaimed.walSegmentsCycled() + " 回。";
		runs.finish(id, clock.instant(), after, KEPT, hashes, method);
		long left = after.stream().mapToLong(KindCount::before).sum();
		audit.record(AuditAction.SETTINGS, CHANNEL + ":完了", List.of(), "消去を完了 番号=" + id + " 残り " + left + "件");
		log.info("Erasure {} finished; {} items left", id, left);
		return find(id).orElseThrow();
	}

	/** Every kind of every store with its count now (in the {@code before} field). */
	List<KindCount> count() {
		var out = new ArrayList<KindCount>();
		for (PersonalDataStore store : stores) {
			for (PersonalDataKind kind : store.kinds()) {
				out.add(new KindCount(store.module(), kind.key(), kind.label(), kind.place().label(), kind.unit(),
						store.count(kind), null));
			}
		}
		return out;
	}

	@Override
	public Optional<ErasureCertificate> find(long id) {
		return runs.find(id).map(ErasureRuns.Run::certificate);
	}

	@Override
	public List<ErasureCertificate> list() {
		return runs.list().stream().map(ErasureRuns.Run::certificate).toList();
	}

	@Override
	public byte[] certificatePdf(long id) {
		var c = find(id).orElseThrow(() -> new NotFoundException("消去 " + id + " はありません"));
		if (c.state() != ErasureState.DONE) {
			throw new StateConflictException("消去が完了していないため証明書はまだありません（現在: " + c.state().label() + "）");
		}
		byte[] bytes = pdf.render(c);
		audit.recordFile(AuditAction.DOWNLOAD, CHANNEL + ":証明書", "消去証明書-" + id + ".pdf", "消去証明書 番号=" + id);
		return bytes;
	}

	private static boolean tryLock(Connection c) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
			s.setLong(1, LOCK);
			try (ResultSet rs = s.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static void unlock(Connection c) throws SQLException {
		try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
			s.setLong(1, LOCK);
			s.execute();
		}
	}
}
