package jp.ikiiki.desk.manual.internal;

import jp.ikiiki.desk.shared.JapanTime;
import java.time.LocalDate;
import java.util.List;
import jp.ikiiki.desk.manual.ManualEditing;
import jp.ikiiki.desk.manual.ManualEditing.CityAgreement;
import jp.ikiiki.desk.manual.ManualEditing.ManualDraft;
import jp.ikiiki.desk.platform.DemoMode;
import jp.ikiiki.desk.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * In demo mode only ({@link DemoMode}), on an empty manual: a handful of entries drawn from the contract's subjects
 * (booklets and their reissue, the business year, points, the incentive and account registration, the transport
 * subsidy, activity groups), written through {@link ManualEditing} as {@code system-demo}, agreed, and one with a
 * draft waiting for the city's agreement, so the editor shows both states.
 */
@Component
@Order(110)
class DemoManualEntries implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoManualEntries.class);
	static final String CHANNEL = "デモデータ初期投入";

	private final DemoMode demoMode;
	private final ManualEditing editing;
	private final JdbcClient jdbc;

	DemoManualEntries(DemoMode demoMode, ManualEditing editing, JdbcClient jdbc) {
		this.demoMode = demoMode;
		this.editing = editing;
		this.jdbc = jdbc;
	}

	static final List<ManualDraft> ENTRIES = List.of(
			new ManualDraft("ポイント手帳 / 再交付", "ポイント手帳をなくしたので再交付してほしい",
					"再交付願を受け付けます。再交付の手帳は毎月中旬・下旬に発送し、表紙に「再発行」と印字されています。"
							+ "再交付願の提出後、届く前にもう一度申し出があった場合は二重に送付しないため、受付状況を確認してください。",
					"てちょう ふんしつ なくした さいこうふ さいはっこう", null),
			new ManualDraft("ポイント手帳 / 事業年度", "どの年度の手帳を出せばよいか分からない",
					"事業年度は9月1日から翌年8月31日までです。年度ごとに手帳が分かれており、年度をまたいで合算はしません。"
							+ "提出された手帳は年度ごとに集計します。",
					"ねんど てちょう ていしゅつ", null),
			new ManualDraft("ポイント集計・通知", "ポイントの通知はいつ届くのか",
					"手帳を受け付けてからポイントを集計し、獲得ポイント通知を月2回発送しています。"
							+ "集計に疑義がある場合は市に確認するため、時間がかかることがあります。",
					"ぽいんと つうち いつ", null),
			new ManualDraft("奨励金・口座登録", "奨励金はいつ振り込まれるのか",
					"口座登録済の方は、市が手帳を受け取った月の翌月末までに振り込まれるよう手続きします。"
							+ "口座未登録の方には獲得ポイント通知と一緒に口座登録用紙を送付しますので、預金通帳の写しを添えて返送してください。",
					"しょうれいきん ふりこみ こうざ とうろく", null),
			new ManualDraft("交通費助成 / 交付決定", "交通費助成の決定通知と利用券はいつ届くのか",
					"交付決定通知書はタクシーチケット等の利用券と一緒に、4月及び8月から翌年3月までの各月下旬に送付します。"
							+ "利用券の種類は申請内容によって異なります。",
					"こうつうひ じょせい りようけん たくしー", null),
			new ManualDraft("活動団体・スタンプ", "新しく活動団体を登録したい",
					"活動団体登録届出書を市に提出してください。登録後、スタンプ等を毎月中旬・下旬に団体宛てに送付します。"
							+ "医療機関・薬局のスタンプは市から送付されます。",
					"かつどう だんたい すたんぷ とうろく", null));

	@Override
	public void run(ApplicationArguments args) {
		if (!demoMode.enabled()
				|| jdbc.sql("select exists (select 1 from manual_entry)").query(Boolean.class).single()) {
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				"system-demo", null, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.FLOOR_MANAGER))));
		try {
			var agreement = new CityAgreement(LocalDate.now(JapanTime.ZONE).minusDays(7), "高齢福祉課 担当係長");
			ManualEditing.ManualVersion first = null;
			for (ManualDraft draft : ENTRIES) {
				var created = editing.create(draft, agreement, CHANNEL);
				first = first == null ? created : first;
			}
			ManualDraft old = ENTRIES.get(0);
			editing.edit(first.entryId(), 1, new ManualDraft(old.category(), old.question(),
					old.answer() + "本人以外（家族・ケアマネジャー）からの申し出も受け付けます。", old.keywords(),
					"家族からの申し出の扱いを追記（市と協議中）"), null, CHANNEL);
			log.info("Demo mode: {} answer manual entries loaded", ENTRIES.size());
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
