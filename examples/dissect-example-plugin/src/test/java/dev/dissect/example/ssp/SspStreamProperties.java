package dev.dissect.example.ssp;

import dev.dissect.api.spi.DissectorProvider;
import dev.dissect.testkit.contract.StreamDissectorContract;
import net.jqwik.api.Arbitrary;

/** The testkit's stream-dissector contract, run against SSP over TCP: any segmentation gives the same messages. */
class SspStreamProperties extends StreamDissectorContract {
    @Override
    protected DissectorProvider provider() {
        return new SspProvider();
    }

    @Override
    protected Arbitrary<byte[]> validMessages() {
        return SspArbitraries.messages();
    }
}
