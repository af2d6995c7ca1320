package jp.ikiiki.desk.telephony.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.calendar.CalendarProperties;
import jp.ikiiki.desk.platform.ui.WorkItems.Urgency;
import jp.ikiiki.desk.platform.ui.WorkItems.WorkItem;
import jp.ikiiki.desk.telephony.CallCentreNow;
import jp.ikiiki.desk.telephony.CallStatistics;
import jp.ikiiki.desk.telephony.CallStats;
import jp.ikiiki.desk.telephony.DailyCallStats;
import jp.ikiiki.desk.telephony.StatsPeriod;
import jp.ikiiki.desk.telephony.TelephonyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class CentreWorkItemsTest {

	/** Tuesday 2026-11-24 10:00 Tokyo: open. */
	static final Instant OPEN = Instant.parse("2026-11-24T01:00:00Z");

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static void as(String role) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("u",
				null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
	}

	private static CallStats day(long received, long answered) {
		Double rate = received == 0 ? null : (double) answered / received;
		return new CallStats("2026-11-24", OPEN, OPEN, received, answered, received - answered, 0, 0, 0, 0, rate, 0.9,
				rate == null ? null : rate >= 0.9, null, null, null, 20, "contract", false);
	}

	private static CentreWorkItems items(CallStats today, int waiting, double longest, TelephonyStatus.State state)
			throws IOException {
		Properties labels = TelephonyLabelsTest.labels();
		I18NProvider provider = new I18NProvider() {
			@Override
			public List<Locale> getProvidedLocales() {
				return List.of(Locale.JAPAN);
			}

			@Override
			public String getTranslation(String key, Locale locale, Object... params) {
				return new MessageFormat(labels.getProperty(key), Locale.JAPAN).format(params);
			}
		};
		CallStatistics statistics = new CallStatistics() {
			@Override
			public List<CallStats> stats(LocalDate from, LocalDate to, StatsPeriod by, String definition) {
				return List.of(today);
			}

			@Override
			public DailyCallStats day(LocalDate day, String definition) {
				throw new UnsupportedOperationException();
			}

			@Override
			public List<String> definitions() {
				return List.of("contract");
			}
		};
		CallCentreNow live = () -> new CallCentreNow.Snapshot(waiting, waiting, longest);
		TelephonyStatus status = () -> new TelephonyStatus.Status(state, OPEN.minusSeconds(120), 1, "test");
		return new CentreWorkItems(statistics, live, status, new BusinessCalendar(CalendarProperties.defaults()), true,
				Clock.fixed(OPEN, ZoneOffset.UTC), provider);
	}

	@Test
	void a_floor_manager_sees_the_answer_rate_below_target_as_overdue_and_waiting_callers() throws IOException {
		as("FLOOR_MANAGER");
		List<WorkItem> items = items(day(40, 30), 2, 25, TelephonyStatus.State.CONNECTED).forCurrentUser();

		assertThat(items).extracting(WorkItem::title).containsExactly("本日の未応答（応答率）", "待ち呼");
		assertThat(items.get(0).count()).isEqualTo(10);
		assertThat(items.get(0).urgency()).isEqualTo(Urgency.OVERDUE);
		assertThat(items.get(0).detail()).contains("75.0%").contains("目標 90% を下回っています");
		assertThat(items.get(0).route()).isEqualTo("wallboard");
		assertThat(items.get(1).count()).isEqualTo(2);
		assertThat(items.get(1).urgency()).isEqualTo(Urgency.ATTENTION);
		assertThat(items.get(1).detail()).isEqualTo("最長 25 秒待ち");
	}

	@Test
	void a_low_rate_on_few_calls_is_a_warning_and_a_met_target_is_normal() throws IOException {
		as("FLOOR_MANAGER");
		assertThat(items(day(5, 4), 0, 0, TelephonyStatus.State.CONNECTED).forCurrentUser().get(0).urgency())
				.isEqualTo(Urgency.ATTENTION);
		WorkItem met = items(day(40, 38), 0, 0, TelephonyStatus.State.CONNECTED).forCurrentUser().get(0);
		assertThat(met.urgency()).isEqualTo(Urgency.NORMAL);
		assertThat(met.detail()).contains("95.0%");
	}

	@Test
	void a_lost_link_to_asterisk_comes_first_and_is_overdue() throws IOException {
		as("FLOOR_MANAGER");
		List<WorkItem> items = items(day(0, 0), 0, 0, TelephonyStatus.State.RECONNECTING).forCurrentUser();

		assertThat(items.get(0).title()).isEqualTo("電話システムとの接続が切れています");
		assertThat(items.get(0).urgency()).isEqualTo(Urgency.OVERDUE);
		assertThat(items.get(0).detail()).startsWith("2026/11/24（火）9:58 から再接続中");
		assertThat(items.get(1).detail()).contains("受電はまだありません");
	}

	@Test
	void agents_and_the_city_get_no_centre_items() throws IOException {
		for (String role : List.of("AGENT", "CITY_STAFF", "OPERATOR")) {
			as(role);
			assertThat(items(day(40, 30), 2, 25, TelephonyStatus.State.RECONNECTING).forCurrentUser()).isEmpty();
		}
	}
}
