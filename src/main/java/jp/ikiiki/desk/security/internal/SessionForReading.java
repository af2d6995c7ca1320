package jp.ikiiki.desk.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.core.context.DeferredSecurityContext;

/**
 * The console's session for the API, for reading only: a GET or HEAD from a browser signed in to the console is
 * authenticated by its session; any other method is not (it must carry HTTP Basic credentials). A cross-site page
 * can make a browser send a POST with its cookies but cannot add credentials, so no API call that changes
 * something can be forged (the console's own requests go to Vaadin, which has its own CSRF token). The API never
 * writes to the session.
 */
class SessionForReading implements SecurityContextRepository {

	static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
	/** What this request authenticated (HTTP Basic) lives on the request only, as for any stateless API. */
	private final RequestAttributeSecurityContextRepository thisRequest = new RequestAttributeSecurityContextRepository();

	SessionForReading() {
		sessions.setAllowSessionCreation(false);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (thisRequest.containsContext(request)) {
			return thisRequest.loadDeferredContext(request);
		}
		if (READING.contains(request.getMethod())) {
			return sessions.loadDeferredContext(request);
		}
		return new DeferredSecurityContext() {
			@Override
			public SecurityContext get() {
				return SecurityContextHolder.createEmptyContext();
			}

			@Override
			public boolean isGenerated() {
				return true;
			}
		};
	}

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		// The API never creates or changes a session: the request keeps what it authenticated.
		thisRequest.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return thisRequest.containsContext(request)
				|| (READING.contains(request.getMethod()) && sessions.containsContext(request));
	}

	/** True when the request's session holds a signed-in person (whatever the method). */
	static boolean sessionSignedIn(HttpServletRequest request) {
		var session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		return context instanceof SecurityContext c && c.getAuthentication() != null && c.getAuthentication().isAuthenticated();
	}
}
