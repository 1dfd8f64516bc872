/**
 * The customer identity registry: individual and corporate customers, related parties, identity
 * documents, verification (four eyes), history, re-verification and closure.
 */
package com.kyckeeper.customer;
