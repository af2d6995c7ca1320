package jp.ikiiki.desk;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IkiikiDeskApplication {

	/** The one-off command that writes the handover package (第9章1(4)) and exits. */
	static final String HANDOVER_OPTION = "--handover-package";

	public static void main(String[] args) {
		SpringApplication.run(IkiikiDeskApplication.class, commandLine(args));
	}

	/**
	 * The arguments, and for a one-off command (which serves nobody) a web server on a free loopback port, so that it
	 * never takes the port of the application running beside it, no telephony (it must not open a second AMI connection
	 * to the centre's Asterisk nor start the simulator) and no scheduled reports (it must not make or mail the day's
	 * report); command-line arguments override the environment. The handover package lists the configuration without
	 * these ({@code HandoverConfiguration}).
	 */
	static String[] commandLine(String[] args) {
		if (Arrays.stream(args).noneMatch(a -> a.equals(HANDOVER_OPTION) || a.startsWith(HANDOVER_OPTION + "="))) {
			return args;
		}
		return Stream.concat(Arrays.stream(args), Stream.of("--server.port=0", "--server.address=127.0.0.1",
				"--ikiiki.telephony.enabled=false", "--ikiiki.reports.scheduled=false"))
				.toArray(String[]::new);
	}
}
