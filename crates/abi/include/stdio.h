/*
 * stdio.h — as a wasmudf C UDF sees it.
 *
 * There are no files, no console and no system calls inside the sandbox. What a function prints
 * with printf, puts, putchar, fputs or fprintf (to stdout or stderr alike) goes to the
 * execution's log: shown by the CLI on stderr, returned by the API
 * (GET /api/v1/executions/{id}/log) and shown in the web page. The log keeps 1 KiB per row and
 * 64 KiB per execution; what is cut is marked. snprintf and vsnprintf format into memory.
 */
#ifndef WASMUDF_STDIO_H
#define WASMUDF_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

/* Only stdout and stderr exist; both are the log. */
typedef struct _IO_FILE FILE;
#define stdout ((FILE *)1)
#define stderr ((FILE *)2)

int printf(const char *__restrict format, ...) __attribute__((__format__(__printf__, 1, 2)));
int vprintf(const char *__restrict format, va_list args);
int fprintf(FILE *__restrict stream, const char *__restrict format, ...)
    __attribute__((__format__(__printf__, 2, 3)));
int puts(const char *text);
int putchar(int c);
int fputs(const char *__restrict text, FILE *__restrict stream);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int fflush(FILE *stream);

int snprintf(char *__restrict buffer, size_t size, const char *__restrict format, ...)
    __attribute__((__format__(__printf__, 3, 4)));
int vsnprintf(char *__restrict buffer, size_t size, const char *__restrict format, va_list args);
int sprintf(char *__restrict buffer, const char *__restrict format, ...)
    __attribute__((__format__(__printf__, 2, 3)));
int vsprintf(char *__restrict buffer, const char *__restrict format, va_list args);

#endif /* WASMUDF_STDIO_H */
