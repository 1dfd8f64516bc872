/** Implementation of the access log: appends, sealer, hash chain, checkpoint signatures, verification. */
package com.kyckeeper.audit.internal;
