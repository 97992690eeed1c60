package dev.dissect.tls.decrypt;

import dev.dissect.api.buffer.ByteView;
import dev.dissect.api.stream.StreamDirection;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only: drives a {@link TlsSession} with one connection's records exactly as the TLS dissector will (see
 * {@link TlsSession}'s class comment), and keeps what came out: application data per direction, Finished checks,
 * failed records.
 */
final class SessionReplay {
    final TlsSession session;
    final Map<StreamDirection, ByteArrayOutputStream> applicationData = new EnumMap<>(StreamDirection.class);
    final Map<StreamDirection, ByteArrayOutputStream> handshake = new EnumMap<>(StreamDirection.class);
    final List<FinishedCheck> finished = new ArrayList<>();
    final List<DecryptResult> failures = new ArrayList<>();
    int decryptedRecords;
    int keyUpdates;

    SessionReplay(TlsKeyring keys) {
        session = new TlsSession(keys);
        for (StreamDirection d : StreamDirection.values()) {
            applicationData.put(d, new ByteArrayOutputStream());
            handshake.put(d, new ByteArrayOutputStream());
        }
    }

    /** Replays connection {@code connection} of {@code records}. */
    static SessionReplay of(TlsKeyring keys, List<CapturedRecords.Record> records, int connection) {
        SessionReplay r = new SessionReplay(keys);
        for (CapturedRecords.Record rec : records) {
            if (rec.connection() == connection) {
                r.record(rec.direction(), rec.type(), rec.version(), rec.body());
            }
        }
        return r;
    }

    void record(StreamDirection dir, int type, int version, byte[] body) {
        if (type == 20) {
            session.onChangeCipherSpec(dir);
            return;
        }
        DecryptResult r = session.decrypt(dir, type, version, ByteView.of(body), 0, body.length);
        byte[] content;
        int contentType;
        if (r.status() == DecryptResult.Status.NOT_PROTECTED) {
            content = body;
            contentType = type;
        } else if (r.ok()) {
            decryptedRecords++;
            content = r.plaintext();
            contentType = r.contentType();
        } else {
            failures.add(r);
            return;
        }
        if (contentType == 22) {
            ByteArrayOutputStream buffer = handshake.get(dir);
            buffer.write(content, 0, content.length);
            byte[] all = buffer.toByteArray();
            ByteView v = ByteView.of(all);
            int at = 0;
            while (all.length - at >= 4 && all.length - at >= 4 + v.u24(at + 1)) {
                int len = 4 + v.u24(at + 1);
                if (v.u8(at) == 24) {
                    keyUpdates++;
                }
                FinishedCheck check = session.onHandshakeMessage(dir, v, at, len);
                if (check != null) {
                    finished.add(check);
                }
                at += len;
            }
            buffer.reset();
            buffer.write(all, at, all.length - at);
        } else if (contentType == 23) {
            applicationData.get(dir).write(content, 0, content.length);
        }
    }

    String text(StreamDirection dir) {
        return applicationData.get(dir).toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
