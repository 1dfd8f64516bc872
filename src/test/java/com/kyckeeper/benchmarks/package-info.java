/** JMH benchmarks (run with the command in docs/benchmarks-crypto.md; excluded from surefire). */
package com.kyckeeper.benchmarks;
