package com.kyckeeper.retention;

import java.util.List;

/**
 * The evidence a purge run leaves: its counts and policy, the ids it purged (and held), and a
 * SHA-256 digest over a canonical text of all of these. {@code verified} says whether the stored
 * digest still matches the stored entries.
 */
public record PurgeCertificate(PurgeRun run, List<String> purgedCustomerIds, List<String> heldCustomerIds,
                               List<String> errorCustomerIds, String digestAlgorithm, String digest,
                               boolean verified) {
}
