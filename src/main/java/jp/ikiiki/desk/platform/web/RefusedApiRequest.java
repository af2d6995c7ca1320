package jp.ikiiki.desk.platform.web;

/**
 * An API request refused before any controller saw it because its query string holds what no person types (control
 * characters, broken percent-encoding). Published in the request's thread, after sign-in, so that the audit trail can
 * record who tried (a refused look-up is a look-up attempt too, 第11章). Carries no parameter value.
 *
 * @param method the HTTP method
 * @param path   the request path, without the query string
 * @param reason the Japanese reason given to the client, naming the parameter but not its value
 */
public record RefusedApiRequest(String method, String path, String reason) {
}
