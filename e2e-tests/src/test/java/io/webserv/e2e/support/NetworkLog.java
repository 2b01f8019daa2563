package io.webserv.e2e.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The requests a page made, rebuilt from Chrome's performance log (the DevTools {@code Network.*}
 * events ChromeDriver records under {@code goog:loggingPrefs}): each with its final status, a redirect
 * counted as an exchange of its own, and the requests that never got an answer (refused, blocked,
 * cut off) with Chrome's reason.
 *
 * <p>A revalidated response is the one case where the page and the wire differ: Chrome reports it in
 * {@code Network.responseReceived} as the cached 200 the page gets, and the server's 304 only in
 * {@code Network.responseReceivedExtraInfo} (which may come before or after). Here it counts as 304,
 * what the server said. Other statuses are the same in both, so only the 304 is taken from there: the
 * extra-info events of a redirect's hops share one request id and need not come in order.
 */
public final class NetworkLog {

    /**
     * One request and how it ended.
     *
     * @param method the request method
     * @param url the URL requested
     * @param type what asked for it, as Chrome names it ({@code Document}, {@code Stylesheet}, {@code Fetch}...)
     * @param status the response status, 0 if no response came
     * @param mimeType the response's media type as Chrome understood it, empty if none
     * @param failure Chrome's reason the request failed ({@code net::ERR_...}), null if it did not
     */
    public record Exchange(String method, String url, String type, int status, String mimeType, String failure) {

        Exchange answered(int newStatus, String newMimeType) {
            return new Exchange(method, url, type, newStatus, newMimeType, failure);
        }

        Exchange failedWith(String reason) {
            return new Exchange(method, url, type, status, mimeType, reason);
        }

        /**
         * Whether the answer's media type is one the browser refuses for what asked for it: a
         * stylesheet not {@code text/css}, a script not JavaScript, an image not {@code image/*}. Chrome
         * drops such a response without a failed request, and reports it in its Issues panel, not on
         * the console: this is where a test sees it.
         */
        public boolean unfitMediaType() {
            return (status == 200 || status == 304) && switch (type) {
                case "Stylesheet" -> !mimeType.equals("text/css");
                case "Script" -> !mimeType.endsWith("javascript");
                case "Image" -> !mimeType.startsWith("image/");
                default -> false;
            };
        }

        /** Whether the request has ended: answered, or failed. */
        public boolean ended() {
            return status > 0 || failure != null;
        }

        /** Whether the browser got no usable answer: a failure, or a status of 400 or more. */
        public boolean failed() {
            return failure != null || status >= 400;
        }

        @Override
        public String toString() {
            String outcome = failure != null ? "failed: " + failure : status + (mimeType.isEmpty() ? "" : " " + mimeType);
            return method + " " + url + " (" + type + ") -> " + outcome;
        }
    }

    private static final int NOT_MODIFIED = 304;

    /** Every exchange in the order the requests started. */
    private final List<Exchange> exchanges = new ArrayList<>();
    /** Chrome's request id to the index of its latest exchange (a redirect reuses the id for the next one). */
    private final Map<String, Integer> latest = new HashMap<>();

    NetworkLog() {
    }

    /** Takes one performance-log event ({@code method} and {@code params}); other than network events are ignored. */
    void add(String method, Map<String, Object> params) {
        String id = String.valueOf(params.get("requestId"));
        switch (method) {
            case "Network.requestWillBeSent" -> {
                Map<String, Object> redirect = map(params.get("redirectResponse"));
                if (!redirect.isEmpty()) {
                    update(id, exchange -> answered(exchange, redirect));
                }
                Map<String, Object> request = map(params.get("request"));
                latest.put(id, exchanges.size());
                exchanges.add(new Exchange((String) request.get("method"), (String) request.get("url"),
                        String.valueOf(params.getOrDefault("type", "Other")), 0, "", null));
            }
            case "Network.responseReceived" -> update(id, exchange -> answered(exchange, map(params.get("response"))));
            case "Network.responseReceivedExtraInfo" -> {
                if (params.get("statusCode") instanceof Number status && status.intValue() == NOT_MODIFIED) {
                    update(id, exchange -> exchange.answered(NOT_MODIFIED, exchange.mimeType()));
                }
            }
            case "Network.loadingFailed" -> update(id, exchange -> answeredThenCanceled(exchange, params) ? exchange
                    : exchange.failedWith(params.get("errorText")
                            + (params.containsKey("blockedReason") ? " (" + params.get("blockedReason") + ")" : "")));
            default -> {
                // timing, cache and data-received events say nothing about how a request ended
            }
        }
    }

    private void update(String id, UnaryOperator<Exchange> change) {
        Integer index = latest.get(id);
        if (index != null) {
            exchanges.set(index, change.apply(exchanges.get(index)));
        }
    }

    /**
     * Whether the page itself stopped a request it had its answer to: Chrome reports a fetch's 204 (whose
     * empty body nobody reads) as {@code canceled}, {@code net::ERR_ABORTED}, after its response.
     */
    private static boolean answeredThenCanceled(Exchange exchange, Map<String, Object> failure) {
        return exchange.status() > 0 && Boolean.TRUE.equals(failure.get("canceled"));
    }

    private static Exchange answered(Exchange exchange, Map<String, Object> response) {
        int status = exchange.status() == NOT_MODIFIED ? NOT_MODIFIED : ((Number) response.get("status")).intValue();
        return exchange.answered(status, String.valueOf(response.getOrDefault("mimeType", "")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** Every exchange so far over http(s) (not {@code data:} URLs), in the order the requests started. */
    public List<Exchange> exchanges() {
        return exchanges.stream().filter(e -> e.url().startsWith("http")).toList();
    }

    /** The exchanges that {@link Exchange#failed() failed}. */
    public List<Exchange> failures() {
        return matching(Exchange::failed);
    }

    /** The exchanges whose answer has a {@link Exchange#unfitMediaType() media type the browser refuses}. */
    public List<Exchange> unfitMediaTypes() {
        return matching(Exchange::unfitMediaType);
    }

    /** The exchanges matching {@code wanted}. */
    public List<Exchange> matching(Predicate<Exchange> wanted) {
        return exchanges().stream().filter(wanted).toList();
    }

    /** The exchanges for exactly {@code url}. */
    public List<Exchange> of(String url) {
        return matching(e -> e.url().equals(url));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        exchanges().forEach(e -> text.append("\n  ").append(e));
        return text.toString();
    }
}
