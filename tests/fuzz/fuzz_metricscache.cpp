// Fuzz target for the decoder of the metrics cache, which reads what a project file from
// anyone holds in its metrics_cache table. It must refuse bad input with a message, never
// crash, hang or exhaust memory; what it accepts must encode to bytes that decode again to
// the same encoding.
#include "metrics/metricscache.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<Waymark::Metrics::Result> result = Waymark::Metrics::decode(bytes, &error);
    if (!result) {
        if (error.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    const QByteArray encoded = Waymark::Metrics::encode(*result);
    const std::optional<Waymark::Metrics::Result> again = Waymark::Metrics::decode(encoded, &error);
    if (!again || Waymark::Metrics::encode(*again) != encoded)
        std::abort();
    return 0;
}
