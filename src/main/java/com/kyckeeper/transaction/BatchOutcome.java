package com.kyckeeper.transaction;

import com.kyckeeper.shared.FieldViolation;
import java.util.List;

/**
 * The outcome of one batch item, in request order: 201 (stored), 200 (reference already stored:
 * the stored result), or 400/409 with the item's own field errors.
 */
public record BatchOutcome(int index, int status, RecordedTransaction result, List<FieldViolation> errors) {
}
