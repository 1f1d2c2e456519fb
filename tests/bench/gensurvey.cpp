// generate-survey: writes the survey export of issue 7, the input of the import benchmark.
// Seeded and deterministic (its own generator, not the standard library's distributions,
// whose output differs between implementations), and quick: the full million rows take
// about a second.
//
//   generate-survey OUT.csv [--rows N] [--touchpoints N] [--seed N]
//
// 20 columns: id, touchpoint ("Touchpoint 1" to "Touchpoint N", the titles bench_import
// gives its map's cards), an ISO 8601 timestamp in 2024, rating 1-5, nps 0-10, csat 1-5,
// ces 1-7, converted yes/no, revenue, three categories and eight short text answers, of
// which 2% are quoted and hold a comma, a line break or a doubled quote. With the defaults
// (1,000,000 rows, 5,000 touchpoints) the file is about 150 MB.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

// splitmix64: small, fast, and the same numbers on every platform.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : mState(seed)
    {}

    std::uint64_t next()
    {
        std::uint64_t z = (mState += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t mState;
};

constexpr std::string_view regions[] = {"north", "south", "east", "west", "central"};
constexpr std::string_view plans[] = {"free", "basic", "pro", "enterprise"};
constexpr std::string_view devices[] = {"desktop", "mobile", "tablet"};
constexpr std::string_view words[] = {
    "fast",    "slow",   "helpful", "confusing", "delivery", "checkout", "support",
    "price",   "great",  "late",    "easy",      "broken",   "friendly", "app",
    "website", "refund", "quality", "packaging", "email",    "wait",     "clear",
    "none",    "ok",     "love it", "too long",  "thanks",   "search",   "login"};
constexpr std::string_view textColumns[] = {"comment",      "liked",        "disliked",
                                            "suggestion",   "support_note", "delivery_note",
                                            "product_note", "other"};

template <typename T, std::size_t N> constexpr std::size_t count(const T (&)[N])
{
    return N;
}

class Output
{
public:
    explicit Output(std::FILE *file)
        : mFile(file)
    {}
    ~Output() { flush(); }

    void put(std::string_view text)
    {
        if (mUsed + text.size() > sizeof mBuffer)
            flush();
        std::memcpy(mBuffer + mUsed, text.data(), text.size());
        mUsed += text.size();
    }
    void put(char c) { put(std::string_view(&c, 1)); }
    void number(std::uint64_t value)
    {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        put(std::string_view(digits, std::size_t(result.ptr - digits)));
    }
    // Two digits, zero-padded.
    void two(unsigned value)
    {
        put(char('0' + value / 10));
        put(char('0' + value % 10));
    }
    bool flush()
    {
        const bool ok = std::fwrite(mBuffer, 1, mUsed, mFile) == mUsed;
        mUsed = 0;
        return ok;
    }

private:
    std::FILE *mFile;
    char mBuffer[1 << 16];
    std::size_t mUsed = 0;
};

void textAnswer(Random &random, Output &out)
{
    const std::string_view first = words[random.below(count(words))];
    const std::string_view second = words[random.below(count(words))];
    if (random.below(50) != 0) { // 98%: one or two plain words
        out.put(first);
        if (random.below(2)) {
            out.put(' ');
            out.put(second);
        }
        return;
    }
    out.put('"');
    switch (random.below(3)) {
    case 0:
        out.put(first);
        out.put(", ");
        out.put(second);
        break;
    case 1:
        out.put(first);
        out.put('\n');
        out.put(second);
        break;
    default:
        out.put("said \"\"");
        out.put(first);
        out.put("\"\", then ");
        out.put(second);
        break;
    }
    out.put('"');
}

[[noreturn]] void usage()
{
    std::fputs("usage: generate-survey OUT.csv [--rows N] [--touchpoints N] [--seed N]\n", stderr);
    std::exit(2);
}

std::uint64_t numberArgument(const char *text)
{
    std::uint64_t value = 0;
    const std::string_view view(text);
    const auto result = std::from_chars(view.data(), view.data() + view.size(), value);
    if (result.ec != std::errc() || result.ptr != view.data() + view.size() || value == 0)
        usage();
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    const char *path = nullptr;
    std::uint64_t rows = 1000000;
    std::uint64_t touchpoints = 5000;
    std::uint64_t seed = 20261203;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--rows" && i + 1 < argc)
            rows = numberArgument(argv[++i]);
        else if (arg == "--touchpoints" && i + 1 < argc)
            touchpoints = numberArgument(argv[++i]);
        else if (arg == "--seed" && i + 1 < argc)
            seed = numberArgument(argv[++i]);
        else if (!path && !arg.starts_with("--"))
            path = argv[i];
        else
            usage();
    }
    if (!path)
        usage();

    std::FILE *file = std::fopen(path, "wb");
    if (!file) {
        std::perror(path);
        return 1;
    }

    // The days of 2024 as ISO dates, so that a timestamp costs no calendar arithmetic.
    static constexpr unsigned monthDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::string days[366];
    unsigned day = 0;
    for (unsigned month = 0; month < 12; ++month) {
        for (unsigned d = 1; d <= monthDays[month]; ++d, ++day) {
            // Room for any two unsigned numbers, which GCC cannot tell are below 32 here.
            char text[32];
            std::snprintf(text, sizeof text, "2024-%02u-%02u", month + 1, d);
            days[day] = text;
        }
    }

    Random random(seed);
    {
        Output out(file);
        out.put("id,touchpoint,timestamp,rating,nps,csat,ces,converted,revenue,region,plan,"
                "device");
        for (std::string_view column : textColumns) {
            out.put(',');
            out.put(column);
        }
        out.put('\n');

        for (std::uint64_t row = 1; row <= rows; ++row) {
            out.number(row);
            out.put(",Touchpoint ");
            out.number(1 + random.below(touchpoints));
            out.put(',');
            out.put(days[random.below(366)]);
            const unsigned seconds = unsigned(random.below(86400));
            out.put('T');
            out.two(seconds / 3600);
            out.put(':');
            out.two(seconds / 60 % 60);
            out.put(':');
            out.two(seconds % 60);
            out.put("Z,");
            out.number(1 + random.below(5));
            out.put(',');
            out.number(random.below(11));
            out.put(',');
            out.number(1 + random.below(5));
            out.put(',');
            out.number(1 + random.below(7));
            const bool converted = random.below(10) < 3;
            out.put(converted ? ",yes," : ",no,");
            if (converted) {
                const std::uint64_t cents = 500 + random.below(49500);
                out.number(cents / 100);
                out.put('.');
                out.two(unsigned(cents % 100));
            } else {
                out.put('0');
            }
            out.put(',');
            out.put(regions[random.below(count(regions))]);
            out.put(',');
            out.put(plans[random.below(count(plans))]);
            out.put(',');
            out.put(devices[random.below(count(devices))]);
            for (std::size_t t = 0; t < count(textColumns); ++t) {
                out.put(',');
                textAnswer(random, out);
            }
            out.put('\n');
        }
        if (!out.flush()) {
            std::perror(path);
            std::fclose(file);
            return 1;
        }
    }
    if (std::fclose(file) != 0) {
        std::perror(path);
        return 1;
    }
    return 0;
}
