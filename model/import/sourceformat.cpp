#include "sourceformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Waymark::Import {

namespace {

struct RoleHint
{
    const char16_t *header;
    ColumnRole role;
};

// The columns each tool always writes, with the role they play. Everything else (the
// questions, the tool's bookkeeping) is left for the user to assign.
const RoleHint qualtricsRoles[] = {
    {u"ResponseId", ColumnRole::Key},
    {u"ResponseID", ColumnRole::Key},
    {u"RecordedDate", ColumnRole::Timestamp},
    {u"StartDate", ColumnRole::Ignore},
    {u"EndDate", ColumnRole::Ignore},
    {u"Status", ColumnRole::Ignore},
    {u"Progress", ColumnRole::Ignore},
    {u"Duration (in seconds)", ColumnRole::Ignore},
    {u"Finished", ColumnRole::Ignore},
    {u"IPAddress", ColumnRole::Personal},
    {u"RecipientLastName", ColumnRole::Personal},
    {u"RecipientFirstName", ColumnRole::Personal},
    {u"RecipientEmail", ColumnRole::Personal},
    {u"EmailAddress", ColumnRole::Personal},
    {u"Name", ColumnRole::Personal},
    {u"ExternalReference", ColumnRole::Ignore},
    {u"LocationLatitude", ColumnRole::Personal},
    {u"LocationLongitude", ColumnRole::Personal},
    {u"DistributionChannel", ColumnRole::Segment},
    {u"UserLanguage", ColumnRole::Segment},
};

const RoleHint surveyMonkeyRoles[] = {
    {u"Respondent ID", ColumnRole::Key},   {u"Collector ID", ColumnRole::Segment},
    {u"Start Date", ColumnRole::Ignore},   {u"End Date", ColumnRole::Timestamp},
    {u"IP Address", ColumnRole::Personal}, {u"Email Address", ColumnRole::Personal},
    {u"First Name", ColumnRole::Personal}, {u"Last Name", ColumnRole::Personal},
};

const RoleHint googleFormsRoles[] = {
    {u"Email Address", ColumnRole::Personal},
    {u"Email address", ColumnRole::Personal},
    {u"Score", ColumnRole::Rating},
};

const RoleHint typeformRoles[] = {
    {u"#", ColumnRole::Key},
    {u"Submit Date (UTC)", ColumnRole::Timestamp},
    {u"Start Date (UTC)", ColumnRole::Ignore},
    {u"Stage Date (UTC)", ColumnRole::Ignore},
    {u"Network ID", ColumnRole::Personal},
    {u"Response Type", ColumnRole::Ignore},
    {u"Tags", ColumnRole::Segment},
    {u"Ending", ColumnRole::Ignore},
};

const RoleHint shopifyRoles[] = {
    {u"Name", ColumnRole::Key},
    {u"Email", ColumnRole::Personal},
    {u"Financial Status", ColumnRole::Segment},
    {u"Fulfillment Status", ColumnRole::Segment},
    {u"Paid at", ColumnRole::Ignore},
    {u"Fulfilled at", ColumnRole::Ignore},
    {u"Currency", ColumnRole::Ignore},
    {u"Subtotal", ColumnRole::Ignore},
    {u"Shipping", ColumnRole::Ignore},
    {u"Taxes", ColumnRole::Ignore},
    {u"Total", ColumnRole::Revenue},
    {u"Discount Code", ColumnRole::Segment},
    {u"Discount Amount", ColumnRole::Ignore},
    {u"Created at", ColumnRole::Timestamp},
    {u"Lineitem quantity", ColumnRole::Quantity},
    {u"Lineitem name", ColumnRole::Category},
    {u"Lineitem price", ColumnRole::Ignore},
    {u"Lineitem sku", ColumnRole::Ignore},
    {u"Billing Name", ColumnRole::Personal},
    {u"Billing Street", ColumnRole::Personal},
    {u"Billing Address1", ColumnRole::Personal},
    {u"Billing Address2", ColumnRole::Personal},
    {u"Billing Phone", ColumnRole::Personal},
    {u"Shipping Name", ColumnRole::Personal},
    {u"Shipping Street", ColumnRole::Personal},
    {u"Shipping Address1", ColumnRole::Personal},
    {u"Shipping Address2", ColumnRole::Personal},
    {u"Shipping Phone", ColumnRole::Personal},
    {u"Phone", ColumnRole::Personal},
    {u"Source", ColumnRole::Segment},
    {u"Id", ColumnRole::Ignore},
};

const RoleHint ga4Roles[] = {
    {u"Step", ColumnRole::Touchpoint},         {u"Active users", ColumnRole::Quantity},
    {u"Completion rate", ColumnRole::Rating},  {u"Abandonments", ColumnRole::Quantity},
    {u"Abandonment rate", ColumnRole::Rating}, {u"Device category", ColumnRole::Segment},
};

// The first column of a Google Forms export in the form's language.
const QSet<QString> &timestampHeaders()
{
    static const QSet<QString> headers = {
        u"Timestamp"_s,
        u"Marca temporal"_s,
        u"Zeitstempel"_s,
        u"Horodateur"_s,
        u"Informazioni cronologiche"_s,
        u"Tijdstempel"_s,
        u"Carimbo de data/hora"_s,
        u"Sygnatura czasowa"_s,
    };
    return headers;
}

QString cell(const QList<QStringList> &records, qsizetype row, qsizetype column)
{
    if (row < 0 || row >= records.size() || column < 0 || column >= records[row].size())
        return {};
    return records[row][column];
}

bool hasColumn(const QStringList &header, const QString &name)
{
    return header.contains(name);
}

bool isComment(const QStringList &record)
{
    return !record.isEmpty() && record.first().startsWith(u'#') && record.first() != u"#";
}

qsizetype commentRecords(const QList<QStringList> &records)
{
    qsizetype n = 0;
    while (n < records.size() && isComment(records[n]))
        ++n;
    return n;
}

template <std::size_t N>
std::optional<ColumnRole> hintFor(const RoleHint (&hints)[N], const QString &header)
{
    for (const RoleHint &hint : hints) {
        if (header == QStringView(hint.header))
            return hint.role;
    }
    return std::nullopt;
}

std::optional<ColumnRole> roleFor(SourceFormat format, const QString &header)
{
    switch (format) {
    case SourceFormat::Qualtrics:
        return hintFor(qualtricsRoles, header);
    case SourceFormat::SurveyMonkey:
        return hintFor(surveyMonkeyRoles, header);
    case SourceFormat::GoogleForms:
        if (timestampHeaders().contains(header))
            return ColumnRole::Timestamp;
        return hintFor(googleFormsRoles, header);
    case SourceFormat::Typeform:
        return hintFor(typeformRoles, header);
    case SourceFormat::Shopify:
        return hintFor(shopifyRoles, header);
    case SourceFormat::Ga4Funnel:
        return hintFor(ga4Roles, header);
    case SourceFormat::Csv:
        break;
    }
    return std::nullopt;
}

// The standard Net Promoter question, in whatever words the survey put it.
bool isNpsQuestion(const QString &text)
{
    static const QRegularExpression nps(u"likely.{0,80}recommend|\\bNPS\\b"_s,
                                        QRegularExpression::CaseInsensitiveOption);
    return nps.match(text).hasMatch() && !text.endsWith(u"_NPS_GROUP");
}

QStringList uniqueNames(QStringList names)
{
    QSet<QString> taken;
    for (qsizetype i = 0; i < names.size(); ++i) {
        QString name = names[i].simplified();
        if (name.isEmpty())
            name = QCoreApplication::translate("Waymark::Import", "Column %1").arg(i + 1);
        const QString base = name;
        for (int n = 2; taken.contains(name); ++n)
            name = u"%1 (%2)"_s.arg(base).arg(n);
        taken.insert(name);
        names[i] = name;
    }
    return names;
}

// A SurveyMonkey question spanning several columns has its text over the first of them
// only; the second header row names each column's choice ("Response" when there is one).
QStringList surveyMonkeyNames(const QStringList &questions, const QStringList &choices)
{
    QStringList names;
    QString question;
    qsizetype spanStart = 0;
    for (qsizetype c = 0; c < questions.size(); ++c) {
        if (!questions[c].isEmpty()) {
            question = questions[c];
            spanStart = c;
        }
        const bool spans =
            (c + 1 < questions.size() && questions[c + 1].isEmpty() && c == spanStart) ||
            c > spanStart;
        const QString choice = c < choices.size() ? choices[c] : QString();
        const bool plain =
            choice.isEmpty() || choice == u"Response" || choice == u"Open-Ended Response";
        names.append(spans && !plain ? u"%1 - %2"_s.arg(question, choice) : question);
    }
    return names;
}

SourceFormat detect(const QList<QStringList> &records)
{
    const QStringList first = records.value(0);
    const QStringList second = records.value(1);

    if (hasColumn(first, u"StartDate"_s) &&
        (hasColumn(first, u"ResponseId"_s) || hasColumn(first, u"ResponseID"_s)))
        return SourceFormat::Qualtrics;
    if (first.value(0) == u"V1" && hasColumn(second, u"ResponseID"_s))
        return SourceFormat::Qualtrics;
    if (hasColumn(first, u"Respondent ID"_s) && hasColumn(first, u"Collector ID"_s))
        return SourceFormat::SurveyMonkey;
    if (first.value(0) == u"#" && hasColumn(first, u"Submit Date (UTC)"_s) &&
        hasColumn(first, u"Network ID"_s))
        return SourceFormat::Typeform;
    if (hasColumn(first, u"Name"_s) && hasColumn(first, u"Financial Status"_s) &&
        hasColumn(first, u"Total"_s) && hasColumn(first, u"Lineitem name"_s))
        return SourceFormat::Shopify;
    if (!first.isEmpty() && timestampHeaders().contains(first.first()))
        return SourceFormat::GoogleForms;

    const qsizetype comments = commentRecords(records);
    const QStringList table = records.value(comments);
    if (comments > 0 && table.value(0) == u"Step" &&
        std::any_of(table.cbegin(), table.cend(),
                    [](const QString &h) { return h.startsWith(u"Active users"); }))
        return SourceFormat::Ga4Funnel;
    return SourceFormat::Csv;
}

qsizetype defaultHeaderRows(SourceFormat format, const QList<QStringList> &records)
{
    switch (format) {
    case SourceFormat::Qualtrics:
        if (records.value(0).value(0) == u"V1")
            return 2; // the legacy export: V1, V2... over the field names
        return cell(records, 2, 0).startsWith(u"{\"ImportId\"") ? 3 : 2;
    case SourceFormat::SurveyMonkey:
        return 2;
    default:
        return 1;
    }
}

} // namespace

QList<SourceFormat> allSourceFormats()
{
    return {SourceFormat::Qualtrics, SourceFormat::SurveyMonkey, SourceFormat::GoogleForms,
            SourceFormat::Typeform,  SourceFormat::Shopify,      SourceFormat::Ga4Funnel,
            SourceFormat::Csv};
}

QString sourceFormatKey(SourceFormat format)
{
    switch (format) {
    case SourceFormat::Qualtrics:
        return u"qualtrics"_s;
    case SourceFormat::SurveyMonkey:
        return u"surveymonkey"_s;
    case SourceFormat::GoogleForms:
        return u"google-forms"_s;
    case SourceFormat::Typeform:
        return u"typeform"_s;
    case SourceFormat::Shopify:
        return u"shopify"_s;
    case SourceFormat::Ga4Funnel:
        return u"ga4-funnel"_s;
    case SourceFormat::Csv:
        return u"csv"_s;
    }
    return {};
}

std::optional<SourceFormat> sourceFormatFromKey(QStringView key)
{
    for (SourceFormat format : allSourceFormats()) {
        if (key == sourceFormatKey(format))
            return format;
    }
    return std::nullopt;
}

QString sourceFormatDisplayName(SourceFormat format)
{
    switch (format) {
    case SourceFormat::Qualtrics:
        return QCoreApplication::translate("Waymark::Import", "Qualtrics");
    case SourceFormat::SurveyMonkey:
        return QCoreApplication::translate("Waymark::Import", "SurveyMonkey");
    case SourceFormat::GoogleForms:
        return QCoreApplication::translate("Waymark::Import", "Google Forms");
    case SourceFormat::Typeform:
        return QCoreApplication::translate("Waymark::Import", "Typeform");
    case SourceFormat::Shopify:
        return QCoreApplication::translate("Waymark::Import", "Shopify orders");
    case SourceFormat::Ga4Funnel:
        return QCoreApplication::translate("Waymark::Import", "GA4 funnel exploration");
    case SourceFormat::Csv:
        return QCoreApplication::translate("Waymark::Import", "Plain table");
    }
    return {};
}

FormatLayout recognizeFormat(const QList<QStringList> &firstRecords)
{
    return layOut(detect(firstRecords), firstRecords);
}

FormatLayout layOut(SourceFormat format, const QList<QStringList> &firstRecords,
                    std::optional<qsizetype> headerRows)
{
    FormatLayout layout;
    layout.format = format;
    layout.skipRecords = format == SourceFormat::Ga4Funnel ? commentRecords(firstRecords) : 0;
    layout.headerRows = headerRows.value_or(defaultHeaderRows(format, firstRecords));

    const qsizetype top = layout.skipRecords;
    const QStringList header = layout.headerRows > 0 ? firstRecords.value(top) : QStringList();
    // Without a header row the columns are counted from the first data row.
    const qsizetype columns =
        layout.headerRows > 0 ? header.size() : firstRecords.value(top).size();
    QStringList names = header;
    names.resize(columns);
    if (format == SourceFormat::SurveyMonkey && layout.headerRows >= 2)
        names = surveyMonkeyNames(header, firstRecords.value(top + 1));
    layout.columnNames = uniqueNames(names);

    // The legacy Qualtrics export names its columns V1, V2... and puts the field names in
    // the second row; the roles go by those.
    const bool legacyQualtrics = format == SourceFormat::Qualtrics && header.value(0) == u"V1";
    const QStringList roleHeader = legacyQualtrics ? firstRecords.value(top + 1) : header;
    const bool survey = format == SourceFormat::Qualtrics || format == SourceFormat::SurveyMonkey ||
                        format == SourceFormat::GoogleForms || format == SourceFormat::Typeform;
    for (qsizetype c = 0; c < columns; ++c) {
        std::optional<ColumnRole> role = roleFor(format, roleHeader.value(c));
        if (!role && survey) {
            // Qualtrics has the question text in its second row, the others in the first.
            const QString question = format == SourceFormat::Qualtrics
                                         ? cell(firstRecords, top + 1, c)
                                         : header.value(c);
            if (isNpsQuestion(question))
                role = ColumnRole::Nps;
        }
        layout.suggestedRoles.append(role);
    }
    return layout;
}

} // namespace Waymark::Import
