package dev.dissect.tls.http;

import dev.dissect.api.field.Base;
import dev.dissect.api.field.DiagnosticDef;
import dev.dissect.api.field.DiagnosticGroup;
import dev.dissect.api.field.FieldDef;
import dev.dissect.api.field.Protocol;

/**
 * The HTTP/1.x protocol, its fields and diagnostics, with Wireshark's names (tshark 4.0, {@code -G fields}).
 *
 * <p>Header-line fields ({@code http.request.line}, {@code http.response.line}) keep their CR LF, as tshark's do
 * (tshark's {@code -T fields} output shows control characters escaped: {@code Host: a\r\n}).
 *
 * @since 0.1
 */
public final class HttpFields {
    public static final Protocol PROTOCOL = new Protocol("http", "Hypertext Transfer Protocol", "HTTP");

    public static final FieldDef REQUEST = FieldDef.bool("http.request", "Request");
    public static final FieldDef RESPONSE = FieldDef.bool("http.response", "Response");
    public static final FieldDef REQUEST_METHOD = FieldDef.string("http.request.method", "Request Method");
    public static final FieldDef REQUEST_URI = FieldDef.string("http.request.uri", "Request URI");
    public static final FieldDef REQUEST_VERSION = FieldDef.string("http.request.version", "Request Version");
    public static final FieldDef REQUEST_FULL_URI = FieldDef.string("http.request.full_uri", "Full request URI");
    public static final FieldDef REQUEST_LINE = FieldDef.string("http.request.line", "Request line");
    public static final FieldDef REQUEST_NUMBER = FieldDef.uint("http.request_number", "Request number", 4,
            Base.DEC);
    public static final FieldDef RESPONSE_VERSION = FieldDef.string("http.response.version", "Response Version");
    public static final FieldDef RESPONSE_CODE = FieldDef.uint("http.response.code", "Status Code", 2, Base.DEC);
    public static final FieldDef RESPONSE_CODE_DESC = FieldDef.string("http.response.code.desc",
            "Status Code Description");
    public static final FieldDef RESPONSE_PHRASE = FieldDef.string("http.response.phrase", "Response Phrase");
    public static final FieldDef RESPONSE_LINE = FieldDef.string("http.response.line", "Response line");
    public static final FieldDef RESPONSE_FOR_URI = FieldDef.string("http.response_for.uri", "Request URI");
    public static final FieldDef REQUEST_IN = FieldDef.frameNumber("http.request_in", "Request in frame");
    public static final FieldDef TIME = FieldDef.relativeTime("http.time", "Time since request");
    public static final FieldDef HOST = FieldDef.string("http.host", "Host");
    public static final FieldDef USER_AGENT = FieldDef.string("http.user_agent", "User-Agent");
    public static final FieldDef ACCEPT = FieldDef.string("http.accept", "Accept");
    public static final FieldDef ACCEPT_LANGUAGE = FieldDef.string("http.accept_language", "Accept-Language");
    public static final FieldDef ACCEPT_ENCODING = FieldDef.string("http.accept_encoding", "Accept Encoding");
    public static final FieldDef CONNECTION = FieldDef.string("http.connection", "Connection");
    public static final FieldDef COOKIE = FieldDef.string("http.cookie", "Cookie");
    public static final FieldDef REFERER = FieldDef.string("http.referer", "Referer");
    public static final FieldDef AUTHORIZATION = FieldDef.string("http.authorization", "Authorization");
    public static final FieldDef CONTENT_TYPE = FieldDef.string("http.content_type", "Content-Type");
    public static final FieldDef CONTENT_LENGTH_HEADER = FieldDef.string("http.content_length_header",
            "Content-Length");
    public static final FieldDef CONTENT_LENGTH = FieldDef.uint("http.content_length", "Content length", 8,
            Base.DEC);
    public static final FieldDef CONTENT_ENCODING = FieldDef.string("http.content_encoding", "Content-Encoding");
    public static final FieldDef TRANSFER_ENCODING = FieldDef.string("http.transfer_encoding", "Transfer-Encoding");
    public static final FieldDef SERVER = FieldDef.string("http.server", "Server");
    public static final FieldDef LOCATION = FieldDef.string("http.location", "Location");
    public static final FieldDef DATE = FieldDef.string("http.date", "Date");
    public static final FieldDef LAST_MODIFIED = FieldDef.string("http.last_modified", "Last-Modified");
    public static final FieldDef CACHE_CONTROL = FieldDef.string("http.cache_control", "Cache-Control");
    public static final FieldDef SET_COOKIE = FieldDef.string("http.set_cookie", "Set-Cookie");
    public static final FieldDef CHUNK_SIZE = FieldDef.uint("http.chunk_size", "Chunk size", 4, Base.DEC);
    public static final FieldDef FILE_DATA = FieldDef.string("http.file_data", "File Data");

    static final FieldDef[] FIELDS = {REQUEST, RESPONSE, REQUEST_METHOD, REQUEST_URI, REQUEST_VERSION,
        REQUEST_FULL_URI, REQUEST_LINE, REQUEST_NUMBER, RESPONSE_VERSION, RESPONSE_CODE, RESPONSE_CODE_DESC,
        RESPONSE_PHRASE, RESPONSE_LINE, RESPONSE_FOR_URI, REQUEST_IN, TIME, HOST, USER_AGENT, ACCEPT,
        ACCEPT_LANGUAGE, ACCEPT_ENCODING, CONNECTION, COOKIE, REFERER, AUTHORIZATION, CONTENT_TYPE,
        CONTENT_LENGTH_HEADER, CONTENT_LENGTH, CONTENT_ENCODING, TRANSFER_ENCODING, SERVER, LOCATION, DATE,
        LAST_MODIFIED, CACHE_CONTROL, SET_COOKIE, CHUNK_SIZE, FILE_DATA};

    public static final DiagnosticDef HEAD_TOO_LONG = DiagnosticDef.malformed("http.head.too_long",
            "Request or status line and headers longer than the limit; the rest of this direction is not dissected");
    public static final DiagnosticDef TOO_MANY_HEADERS = DiagnosticDef.warning("http.headers.too_many",
            "More header lines than the limit; the rest are not recorded", DiagnosticGroup.MALFORMED);
    public static final DiagnosticDef BAD_CONTENT_LENGTH = DiagnosticDef.malformed("http.content_length.bad",
            "Content-Length is not a number; the rest of this direction is not dissected");
    public static final DiagnosticDef BAD_CHUNK = DiagnosticDef.malformed("http.chunk.bad",
            "Malformed chunked transfer coding; the rest of this direction is not dissected");
    public static final DiagnosticDef BODY_NOT_REASSEMBLED = DiagnosticDef.note("http.body.not_reassembled",
            "Body larger than the reassembly limit: skipped, not dissected", DiagnosticGroup.MALFORMED);
    /** A warning, not an error: tshark shows nothing for such bytes, neither a layer nor a truncation note. */
    public static final DiagnosticDef TRUNCATED = DiagnosticDef.warning("http.truncated",
            "The stream ended inside a message; its bytes are not dissected", DiagnosticGroup.MALFORMED);

    static final DiagnosticDef[] DIAGNOSTICS = {HEAD_TOO_LONG, TOO_MANY_HEADERS, BAD_CONTENT_LENGTH, BAD_CHUNK,
        BODY_NOT_REASSEMBLED, TRUNCATED};

    private HttpFields() {
    }

    /** The field of a header tshark names, by lower-case header name; null for others. */
    static FieldDef headerField(String lowerName) {
        return switch (lowerName) {
            case "host" -> HOST;
            case "user-agent" -> USER_AGENT;
            case "accept" -> ACCEPT;
            case "accept-language" -> ACCEPT_LANGUAGE;
            case "accept-encoding" -> ACCEPT_ENCODING;
            case "connection" -> CONNECTION;
            case "cookie" -> COOKIE;
            case "referer" -> REFERER;
            case "authorization" -> AUTHORIZATION;
            case "content-type" -> CONTENT_TYPE;
            case "content-length" -> CONTENT_LENGTH_HEADER;
            case "content-encoding" -> CONTENT_ENCODING;
            case "transfer-encoding" -> TRANSFER_ENCODING;
            case "server" -> SERVER;
            case "location" -> LOCATION;
            case "date" -> DATE;
            case "last-modified" -> LAST_MODIFIED;
            case "cache-control" -> CACHE_CONTROL;
            case "set-cookie" -> SET_COOKIE;
            default -> null;
        };
    }

    /** The IANA reason phrase of a status code (tshark's {@code http.response.code.desc}), or "Unknown". */
    static String statusDescription(int code) {
        return switch (code) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non-Authoritative Information";
            case 204 -> "No Content";
            case 205 -> "Reset Content";
            case 206 -> "Partial Content";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Time-out";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Unknown";
        };
    }
}
