/* Stand-in for Windows' system ICU (icuuc.dll), for the Wine test prefix only (never shipped).
 *
 * Qt 6.10+ for Windows imports the ucnv_* converter functions from the icuuc.dll that Windows
 * 10 (1903 and later) and 11 carry; Wine 8 has none, so Qt6Core.dll cannot load. Qt uses them
 * only for text encodings it does not build in (UTF-8/16/32, Latin-1 and the system code
 * page are its own). This stand-in knows no converter: ucnv_open fails, so Qt reports such
 * an encoding as unavailable. The app reads class lists through Python's codecs, not Qt's.
 */
#include <stddef.h>
#include <stdint.h>

typedef int UErrorCode;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *err, UErrorCode code)
{
    if (err != NULL && *err <= 0)
        *err = code;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    fail(err, U_FILE_ACCESS_ERROR);
    return NULL;
}

EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }

EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err)
{
    (void)cnv;
    fail(err, U_UNSUPPORTED_ERROR);
    return NULL;
}

EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
{
    (void)name; (void)standard;
    fail(err, U_UNSUPPORTED_ERROR);
    return NULL;
}

EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context)
{
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}

EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context)
{
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}

EXPORT void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *err)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *err)
{
    (void)cnv; (void)action; (void)context; (void)old_action; (void)old_context;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_toUnicode(void *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err)
{
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit;
    (void)offsets; (void)flush;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err)
{
    (void)cnv;
    fail(err, U_UNSUPPORTED_ERROR);
    return 0;
}

EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err)
{
    (void)cnv;
    fail(err, U_UNSUPPORTED_ERROR);
    return 0;
}

EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *err)
{
    (void)args; (void)source; (void)length; (void)offset;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset, UErrorCode *err)
{
    (void)args; (void)source; (void)source_limit; (void)offset;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, int32_t code_point, int reason,
                                            UErrorCode *err)
{
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; (void)err;
}

EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int reason, UErrorCode *err)
{
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)err;
}
