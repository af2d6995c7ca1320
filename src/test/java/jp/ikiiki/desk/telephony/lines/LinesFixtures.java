package jp.ikiiki.desk.telephony.lines;

import jp.ikiiki.desk.telephony.LinesTestSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Puts the line pools back to the plan's defaults at {@link LinesTestSupport#START}. */
public final class LinesFixtures {

	public static void reset(ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("delete from line_override").update();
		jdbc.sql("delete from line_schedule").update();
		context.getBean(LinesTestSupport.SettableClock.class).set(LinesTestSupport.START);
		context.getBean(LinesTestSupport.SettableLinesInUse.class).value = 0;
		context.getBean(LinesTestSupport.ListedCallArrivals.class).calls.clear();
		context.getBean(LinesTestSupport.ListedDispatches.class).dispatches.clear();
		context.getBean(LinesTestSupport.ListedMemberAgents.class).agents.clear();
		LineLimitScheduler scheduler = context.getBean(LineLimitScheduler.class);
		scheduler.seedSchedule();
		scheduler.applyNow();
	}

	private LinesFixtures() {
	}
}
