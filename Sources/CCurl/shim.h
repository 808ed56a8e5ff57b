#ifndef NHACHAN_CCURL_SHIM_H
#define NHACHAN_CCURL_SHIM_H
#include <curl/curl.h>
#endif
