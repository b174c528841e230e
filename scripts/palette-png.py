#!/usr/bin/env python3
# Re-encodes the PNG app icons as palette PNGs (run after scripts/make-icons.mjs): lossless when an icon has at most 256 colours, else the rarest edge colours move to the nearest of the 256 most common.
#
# Usage: python3 scripts/palette-png.py www/icon-192.png www/icon-512.png   (rewrites the files in place)
# The icons are part of what a first visit loads (issue #8's transfer budget, docs/size.md).
import os, struct, sys, zlib
def read(f):
    b=open(f,'rb').read(); i=8; idat=b''
    while i<len(b):
        n=struct.unpack('>I',b[i:i+4])[0]; t=b[i+4:i+8]; d=b[i+8:i+8+n]
        if t==b'IHDR':
            w,h,bd,ct=struct.unpack('>IIBB',d[:10])
            if (bd,ct)!=(8,6): sys.exit(f'{f}: expected the 8-bit RGBA PNG that make-icons.mjs writes')
        if t==b'IDAT': idat+=d
        i+=12+n
    raw=zlib.decompress(idat); bpp=4; stride=w*bpp; rows=[]; prev=bytearray(stride); p=0
    for y in range(h):
        ft=raw[p]; line=bytearray(raw[p+1:p+1+stride]); p+=1+stride
        for x in range(stride):
            a=line[x-bpp] if x>=bpp else 0; up=prev[x]; c=prev[x-bpp] if x>=bpp else 0
            if ft==1: line[x]=(line[x]+a)&255
            elif ft==2: line[x]=(line[x]+up)&255
            elif ft==3: line[x]=(line[x]+((a+up)>>1))&255
            elif ft==4:
                pa=abs(up-c); pb=abs(a-c); pc=abs(a+up-2*c)
                pr=a if pa<=pb and pa<=pc else (up if pb<=pc else c)
                line[x]=(line[x]+pr)&255
        rows.append(bytes(line)); prev=line
    return w,h,rows
def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
def write_palette(f,w,h,rows):
    px=[r[i:i+4] for r in rows for i in range(0,len(r),4)]
    pal=sorted(set(px), key=lambda c:(c[3]==255, c))
    if len(pal)>256: return None
    idx={c:i for i,c in enumerate(pal)}
    ntrans=sum(1 for c in pal if c[3]!=255)
    data=b''.join(b'\0'+bytes(idx[r[i:i+4]] for i in range(0,len(r),4)) for r in rows)
    best=None
    for lvl in [9]:
        for strat in range(0,4):
            c=zlib.compressobj(lvl,zlib.DEFLATED,15,9,strat); z=c.compress(data)+c.flush()
            if best is None or len(z)<len(best): best=z
    out=b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',w,h,8,3,0,0,0))+chunk(b'PLTE',b''.join(c[:3] for c in pal))
    if ntrans: out+=chunk(b'tRNS',bytes(c[3] for c in pal[:ntrans]))
    out+=chunk(b'IDAT',best)+chunk(b'IEND',b'')
    open(f,'wb').write(out); return len(out),len(pal)
def quantize(f,w,h,rows,keep=256):
    from collections import Counter
    px=[r[i:i+4] for r in rows for i in range(0,len(r),4)]
    cnt=Counter(px); top=[c for c,_ in cnt.most_common(keep)]
    def near(c):
        return min(top,key=lambda t:sum((a-b)**2 for a,b in zip(c,t)))
    m={c:(c if c in set(top) else near(c)) for c in cnt}
    maxerr=max(max(abs(a-b) for a,b in zip(c,m[c])) for c in cnt)
    rows2=[b''.join(m[r[i:i+4]] for i in range(0,len(r),4)) for r in rows]
    return write_palette(f,w,h,rows2), maxerr, sum(cnt[c] for c in cnt if m[c]!=c)

if __name__ == '__main__':
    for name in sys.argv[1:]:
        width, height, rows = read(name)
        before = os.path.getsize(name)
        written, colours, moved = quantize(name + '.tmp', width, height, rows)
        os.replace(name + '.tmp', name)
        print(f'{name}: {before} -> {written[0]} bytes, {written[1]} colours, {moved} pixels moved')
