/*
 * storydiff: symbol visibility. The library is built with hidden visibility;
 * only declarations marked STORY_API are exported.
 */
#ifndef STORYDIFF_EXPORT_H
#define STORYDIFF_EXPORT_H

#if defined(STORY_STATIC)
#define STORY_API
#elif defined(_WIN32)
#ifdef STORY_BUILDING
#define STORY_API __declspec(dllexport)
#else
#define STORY_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define STORY_API __attribute__((visibility("default")))
#else
#define STORY_API
#endif

#endif
