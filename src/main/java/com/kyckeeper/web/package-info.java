/** HTTP concerns shared by all controllers: problem+json answers for every error. */
package com.kyckeeper.web;
