#ifndef NHACHAN_CCURL_SHIM_PUBLIC_H
#define NHACHAN_CCURL_SHIM_PUBLIC_H

// Typed, non-variadic wrappers around libcurl's variadic entry points:
// Swift cannot call a C variadic function, so each argument type gets one function.

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*ccurl_data_callback)(char *buffer, size_t size, size_t nitems, void *userdata);
typedef int (*ccurl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *userdata);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
/// For CURLOPT_WRITEFUNCTION, CURLOPT_READFUNCTION and CURLOPT_HEADERFUNCTION (same C signature).
CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);
CURLcode ccurl_easy_setopt_debug_callback(CURL *handle, ccurl_debug_callback callback);
/// For CURLOPT_SOCKOPTFUNCTION: sees every socket libcurl opens (return 0, CURL_SOCKOPT_OK).
typedef int (*ccurl_sockopt_callback)(void *userdata, curl_socket_t fd, curlsocktype purpose);
CURLcode ccurl_easy_setopt_sockopt_callback(CURL *handle, ccurl_sockopt_callback callback);
/// For the *_BLOB options; libcurl copies the bytes (CURL_BLOB_COPY).
CURLcode ccurl_easy_setopt_blob(CURL *handle, CURLoption option, const void *data, size_t length);

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);

/// CURL_GLOBAL_ALL, a macro expression Swift does not import.
long ccurl_global_all(void);
/// CURLOPT_MAIL_RCPT_ALLOWFAILS, spelled CURLOPT_MAIL_RCPT_ALLLOWFAILS before libcurl 8.2.0.
CURLoption ccurl_opt_mail_rcpt_allowfails(void);
/// The CURLMsg done result: Swift cannot reach the union inside CURLMsg directly.
CURLcode ccurl_msg_result(const CURLMsg *message);

#endif
