package com.kyckeeper.crypto;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Online key rotation. KEK: a new master key is created and every data key re-wrapped under it.
 * DEK: every owner gets a new data key version and its fields are re-encrypted. INDEX: a new index
 * key and every blind index recomputed; lookups probe old and new until done. Runs in bounded,
 * resumable batches in the background; one rotation at a time.
 */
public interface KeyRotation {

    enum Kind { KEK, DEK, INDEX }

    enum State { RUNNING, COMPLETED, FAILED }

    /**
     * @param processed owners (DEK, INDEX) or data keys (KEK) done so far
     * @param failures owners whose values could not be decrypted (left on their old key, see the security log)
     */
    record Status(String id, Kind kind, State state, long processed, long failures, Instant startedAt,
                  String startedBy, Instant finishedAt, String error) {
    }

    /** Starts a rotation; refused with a conflict while another one runs. */
    Status start(Kind kind, String requestedBy);

    Optional<Status> status(String id);

    /** The latest rotations, newest first. */
    List<Status> recent(int limit);

    /** One page of rotations, newest first ({@code page} from 0). */
    List<Status> recent(int page, int size);
}
