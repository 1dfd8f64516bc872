/** The access log: every read, change and refusal, with ids only, never personal data. */
package com.kyckeeper.audit;
