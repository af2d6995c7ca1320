package jp.ikiiki.desk.payments.internal;

import jp.ikiiki.desk.tally.PointsVerified;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each subject's year as the payments need it from the tally's {@link PointsVerified}: the year's amount after
 * the booklet and the city's receipt of the latest verified booklet.
 */
@Component
class PayableYears {

	private final JdbcClient jdbc;
	private final PaymentsClock clock;

	PayableYears(JdbcClient jdbc, PaymentsClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PointsVerified event) {
		jdbc.sql("""
				insert into payable_year (address_number, business_year, amount_yen, received_on, updated_at)
				values (:a, :y, :amount, :on, :at)
				on conflict (business_year, address_number) do update set amount_yen = excluded.amount_yen,
				  received_on = greatest(payable_year.received_on, excluded.received_on), updated_at = excluded.updated_at""")
				.param("a", event.addressNumber()).param("y", event.businessYear())
				.param("amount", event.year().amountYen()).param("on", event.receivedOn()).param("at", clock.at())
				.update();
	}
}
