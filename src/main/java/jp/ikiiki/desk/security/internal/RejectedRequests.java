package jp.ikiiki.desk.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.ikiiki.desk.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses before anything else sees it (an encoded NUL, '%', '/' or '\' in the
 * path, "..", a control character): 400 in the API's one error shape, with a Japanese reason, for the console and
 * the API alike. The rejected URL is not logged: it may carry what the client typed.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST,
				"URL に使えない文字や並び（符号化した / や %、NUL、.. など）が含まれています"));
	}
}
