/** Retention internals: policy binding, purge execution on Quartz, persistence of holds and runs. */
package com.kyckeeper.retention.internal;
