// Fuzz target for the fragment decoder, the parser of whatever any program puts on the
// clipboard under Waymark's MIME type. It must refuse bad input with a message, never crash,
// hang or exhaust memory; what it accepts must encode and decode to the same fragment.
#include "fragments/fragment.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<Waymark::Fragment> fragment = Waymark::Fragments::decode(bytes, &error);
    if (!fragment) {
        if (error.isEmpty())
            std::abort(); // every refusal says why
        return 0;
    }
    const std::optional<Waymark::Fragment> again =
        Waymark::Fragments::decode(Waymark::Fragments::encode(*fragment), &error);
    if (!again || !(*again == *fragment))
        std::abort();
    return 0;
}
