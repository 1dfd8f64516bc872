/**
 * Retention: policy-driven clocks computed from facts, legal holds, clustered purge runs with
 * crypto-shredding, tombstones and certificates, and the retention report.
 */
package com.kyckeeper.retention;
