package com.kyckeeper.benchmarks;

import com.kyckeeper.crypto.CryptoSuite;
import com.kyckeeper.crypto.FieldRef;
import com.kyckeeper.crypto.internal.CryptoFixtures;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One field through the real cipher (data key cached, as in steady state): encrypt and decrypt a
 * name, a document number and an address, and the blind index of a document number, per suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FieldCryptoBenchmark {

    static final String OWNER = "3f1c6a2e-8f7b-4c1d-9a3e-2b5d7c9e1f00";
    static final String NAME = "张小三";
    static final String ID_NUMBER = "11010519491231002X";
    static final String ADDRESS = "北京市朝阳区建国路88号SOHO现代城5号楼1201室";

    @Param({"AES_256_GCM_HMAC_SHA256", "SM4_GCM_HMAC_SM3"})
    public String suite;

    CryptoFixtures.Crypto crypto;
    FieldRef nameRef = new FieldRef("customers", "name_ct", OWNER);
    FieldRef idRef = new FieldRef("customers", "doc_number_ct", OWNER);
    FieldRef addressRef = new FieldRef("customers", "address_ct", OWNER);
    String nameCt;
    String idCt;
    String addressCt;

    @Setup
    public void setUp() throws Exception {
        crypto = CryptoFixtures.create(CryptoSuite.valueOf(suite));
        nameCt = crypto.cipher().encrypt(OWNER, nameRef, NAME);
        idCt = crypto.cipher().encrypt(OWNER, idRef, ID_NUMBER);
        addressCt = crypto.cipher().encrypt(OWNER, addressRef, ADDRESS);
    }

    @Benchmark
    public String encryptName() {
        return crypto.cipher().encrypt(OWNER, nameRef, NAME);
    }

    @Benchmark
    public String decryptName() {
        return crypto.cipher().decrypt(OWNER, nameRef, nameCt);
    }

    @Benchmark
    public String encryptIdNumber() {
        return crypto.cipher().encrypt(OWNER, idRef, ID_NUMBER);
    }

    @Benchmark
    public String decryptIdNumber() {
        return crypto.cipher().decrypt(OWNER, idRef, idCt);
    }

    @Benchmark
    public String encryptAddress() {
        return crypto.cipher().encrypt(OWNER, addressRef, ADDRESS);
    }

    @Benchmark
    public String decryptAddress() {
        return crypto.cipher().decrypt(OWNER, addressRef, addressCt);
    }

    @Benchmark
    public String blindIndexIdNumber() {
        return crypto.index().of("RESIDENT_ID_CARD", ID_NUMBER);
    }
}
